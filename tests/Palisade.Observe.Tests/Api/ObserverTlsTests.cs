using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Grpc.Core;
using Grpc.Net.Client;
using Palisade.Observe.Api;
using Palisade.Observe.Flows;

namespace Palisade.Observe.Tests.Api;

public sealed class ObserverTlsTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    private readonly X509Certificate2 ca = TestCertificates.Ca("palisade-test-ca");
    private readonly X509Certificate2 otherCa = TestCertificates.Ca("someone-else");
    private ObserverServer server = null!;

    public async Task InitializeAsync()
    {
        var ring = new FlowRing(16);
        ring.Write(Flows.FlowRingTests.Flow(0));
        server = await ObserverServer.StartAsync(new ObserverService(ring, "node-tls"), new ObserverListenOptions
        {
            TcpEndpoint = new IPEndPoint(IPAddress.Loopback, 0),
            Tls = new ObserverTlsOptions(TestCertificates.Issue(ca, "server", server: true), ca),
        });
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task AClientWithACertificateFromTheCaIsServed()
    {
        Assert.Equal("https", server.GrpcAddress!.Scheme);
        Assert.NotEqual(0, server.GrpcAddress.Port);
        using var client = ObserverClient.ForTls(server.GrpcAddress, TestCertificates.Issue(ca, "cli", server: false), ca);
        var status = await client.ServerStatusAsync(Deadline);
        Assert.Equal(1UL, status.SeenFlows);
        var flows = new List<GetFlowsResponse>();
        await foreach (var response in client.GetFlowsAsync(new GetFlowsRequest()))
        {
            flows.Add(response);
        }
        Assert.Equal("node-tls", flows.Single().NodeName);
    }

    [Fact]
    public async Task AClientWithoutACertificateIsRefused()
    {
        var handler = new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, cert, _, _) => CertificateChains.IsIssuedBy(cert, ca, CertificateChains.ServerAuth),
            },
        };
        using var channel = GrpcChannel.ForAddress(server.GrpcAddress!, new GrpcChannelOptions { HttpHandler = handler });
        var api = new Observer.ObserverClient(channel);
        await Assert.ThrowsAsync<RpcException>(async () =>
            await api.ServerStatusAsync(new ServerStatusRequest(), deadline: DateTime.UtcNow + Deadline));
    }

    [Fact]
    public async Task AClientCertificateFromAnotherCaIsRefused()
    {
        using var client = ObserverClient.ForTls(server.GrpcAddress!, TestCertificates.Issue(otherCa, "intruder", server: false), ca);
        await Assert.ThrowsAsync<RpcException>(() => client.ServerStatusAsync(Deadline));
    }

    [Fact]
    public async Task AServerCertificateFromAnotherCaIsNotTrusted()
    {
        using var client = ObserverClient.ForTls(server.GrpcAddress!, TestCertificates.Issue(ca, "cli", server: false), otherCa);
        await Assert.ThrowsAsync<RpcException>(() => client.ServerStatusAsync(Deadline));
    }

    [Fact]
    public async Task AServerCertificateMustNameTheServer()
    {
        using var client = ObserverClient.ForTls(server.GrpcAddress!, TestCertificates.Issue(ca, "cli", server: false), ca, serverName: "node-7.palisade.local");
        await Assert.ThrowsAsync<RpcException>(() => client.ServerStatusAsync(Deadline));
        using var named = ObserverClient.ForTls(server.GrpcAddress!, TestCertificates.Issue(ca, "cli", server: false), ca, serverName: "localhost");
        Assert.Equal(1UL, (await named.ServerStatusAsync(Deadline)).SeenFlows);
    }

    [Fact]
    public async Task TcpWithoutTlsIsRefusedAtStart()
    {
        var listen = new ObserverListenOptions { TcpEndpoint = new IPEndPoint(IPAddress.Loopback, 0) };
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            ObserverServer.StartAsync(new ObserverService(new FlowRing(4), "n"), listen));
        Assert.Contains("without TLS", e.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            ObserverServer.StartAsync(new ObserverService(new FlowRing(4), "n"), new ObserverListenOptions()));
    }
}
