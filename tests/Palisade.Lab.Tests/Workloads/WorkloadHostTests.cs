using System.Net;
using System.Net.Sockets;
using Palisade.Lab.Model;
using Palisade.Lab.Netns;
using Palisade.Lab.Probing;
using Palisade.Lab.Tests.Support;
using Palisade.Lab.Workloads;

namespace Palisade.Lab.Tests.Workloads;

[Trait("Requires", "root")]
public sealed class WorkloadHostTests
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(2);
    private static readonly LabPort Http = new("http", 8080, LabProtocol.Tcp);
    private static readonly LabPort Dns = new("dns", 5353, LabProtocol.Udp);

    internal static WorkloadSpec Pod(string netns, string name, params LabPort[] ports) => new("default/" + name, netns, name, "nginx:1.27", ports);

    internal static Task<ProbeResult> ProbeAsync(string netns, LabPort port, string address = "127.0.0.1") =>
        Prober.ProbeAsync(netns, port.Protocol, IPAddress.Parse(address), port.Port, ProbeTimeout);

    [Fact]
    public async Task AddAsync_TcpAndUdpPorts_AreServedInThePodNamespaceOnly()
    {
        await using var nets = new TestNetworks();
        var pod = await nets.NamespaceAsync("pod");
        var other = await nets.NamespaceAsync("other");
        await using var host = new WorkloadHost();

        var status = await host.AddAsync(Pod(pod, "web", Http, Dns));

        Assert.Equal([Http, Dns], status.Served);
        Assert.Equal(ProbeOutcome.Connected, (await ProbeAsync(pod, Http)).Outcome);
        var udp = await ProbeAsync(pod, Dns);
        Assert.Equal((ProbeOutcome.Connected, "web"), (udp.Outcome, udp.Detail));
        Assert.Equal(ProbeOutcome.Refused, (await ProbeAsync(other, Http)).Outcome);
        Assert.Equal(ProbeOutcome.Refused, (await ProbeAsync(other, Dns)).Outcome);
    }

    [Fact]
    public async Task AddAsync_GenericPod_AnswersCurlFromALinkedNamespaceWithItsName()
    {
        await using var nets = new TestNetworks();
        var client = await nets.NamespaceAsync("client");
        var pod = await nets.NamespaceAsync("pod");
        await nets.LinkAsync(client, "10.99.0.1/24", pod, "10.99.0.2/24");
        await using var host = new WorkloadHost();
        await host.AddAsync(Pod(pod, "web-7d4b9", Http));

        var curl = await TestNetworks.ExecAsync(client, "curl", "-s", "-i", "-m", "10", "-X", "DELETE", "http://10.99.0.2:8080/any/path?x=1");

        Assert.Equal(0, curl.ExitCode);
        Assert.StartsWith("HTTP/1.1 200 OK", curl.StandardOutput);
        Assert.Contains("Server: palisade-lab\r\n", curl.StandardOutput);
        Assert.Contains("X-Pod-Name: web-7d4b9\r\n", curl.StandardOutput);
        Assert.EndsWith("\r\n\r\nweb-7d4b9\n", curl.StandardOutput);
    }

    [Fact]
    public async Task AddAsync_RawBytesFromNetcat_GetThePodName()
    {
        await using var nets = new TestNetworks();
        var pod = await nets.NamespaceAsync("pod");
        await using var host = new WorkloadHost();
        await host.AddAsync(Pod(pod, "echo-pod", Http));

        var nc = await TestNetworks.ExecAsync(pod, "sh", "-c", "echo hi | nc -N -w 5 127.0.0.1 8080");

        Assert.Equal((0, "echo-pod\n"), (nc.ExitCode, nc.StandardOutput));
    }

    [Fact]
    public async Task AddAsync_RawConnection_EchoesEveryFurtherChunk()
    {
        await using var nets = new TestNetworks();
        var pod = await nets.NamespaceAsync("pod");
        await using var host = new WorkloadHost();
        await host.AddAsync(Pod(pod, "echo-pod", Http));
        using var client = await PodClient.ConnectAsync(pod, "127.0.0.1", Http.Port);

        await client.SendAsync("hello\n");
        var greeting = await client.ReadAsync("echo-pod\n".Length);
        await client.SendAsync("again\n");

        Assert.Equal(("echo-pod\n", "again\n"), (greeting, await client.ReadAsync("again\n".Length)));
    }

    [Fact]
    public async Task RemoveAsync_ServedPod_ClosesItsPortsAndOpenConnections()
    {
        await using var nets = new TestNetworks();
        var pod = await nets.NamespaceAsync("pod");
        await using var host = new WorkloadHost();
        await host.AddAsync(Pod(pod, "web", Http, Dns));
        using var client = await PodClient.ConnectAsync(pod, "127.0.0.1", Http.Port);
        Assert.Equal(200, (await client.RequestAsync("GET", "/")).Status);

        Assert.True(await host.RemoveAsync("default/web"));

        Assert.True(await client.IsClosedByServerAsync());
        Assert.Equal(ProbeOutcome.Refused, (await ProbeAsync(pod, Http)).Outcome);
        Assert.Equal(ProbeOutcome.Refused, (await ProbeAsync(pod, Dns)).Outcome);
        Assert.Null(host.StatusOf("default/web"));
    }

    [Fact]
    public async Task AddAsync_RightAfterRemovalThatClosedConnections_ListensAgain()
    {
        await using var nets = new TestNetworks();
        var pod = await nets.NamespaceAsync("pod");
        await using var host = new WorkloadHost();
        await host.AddAsync(Pod(pod, "web", Http));
        using (var client = await PodClient.ConnectAsync(pod, "127.0.0.1", Http.Port))
        {
            await client.RequestAsync("GET", "/", extraHeaders: "Connection: close\r\n");   // the server closes first: TIME_WAIT on its side
            Assert.True(await client.IsClosedByServerAsync());
        }
        await host.RemoveAsync("default/web");

        var again = await host.AddAsync(Pod(pod, "web", Http));

        Assert.True(again.Ready);
        Assert.Equal(ProbeOutcome.Connected, (await ProbeAsync(pod, Http)).Outcome);
    }

    [Fact]
    public async Task AddAsync_SameSpecAgain_KeepsTheWorkloadAndItsConnections()
    {
        await using var nets = new TestNetworks();
        var pod = await nets.NamespaceAsync("pod");
        await using var host = new WorkloadHost();
        var first = await host.AddAsync(Pod(pod, "web", Http));
        using var client = await PodClient.ConnectAsync(pod, "127.0.0.1", Http.Port);
        Assert.Equal(200, (await client.RequestAsync("GET", "/")).Status);

        var again = await host.AddAsync(Pod(pod, "web", new LabPort("http", 8080, LabProtocol.Tcp)));

        Assert.Same(first, again);
        Assert.Equal("web\n", (await client.RequestAsync("GET", "/")).Body);
    }

    [Fact]
    public async Task AddAsync_DifferentSpecForTheSamePod_ReplacesItsPorts()
    {
        await using var nets = new TestNetworks();
        var pod = await nets.NamespaceAsync("pod");
        await using var host = new WorkloadHost();
        await host.AddAsync(Pod(pod, "web", Http));

        var replaced = await host.AddAsync(Pod(pod, "web", Dns));

        Assert.Equal([Dns], replaced.Served);
        Assert.Equal(ProbeOutcome.Refused, (await ProbeAsync(pod, Http)).Outcome);
        Assert.Equal(ProbeOutcome.Connected, (await ProbeAsync(pod, Dns)).Outcome);
    }

    [Fact]
    public async Task AddAsync_SamePortInTwoNamespaces_EachPodAnswersWithItsOwnName()
    {
        await using var nets = new TestNetworks();
        var a = await nets.NamespaceAsync("a");
        var b = await nets.NamespaceAsync("b");
        await using var host = new WorkloadHost();
        await host.AddAsync(Pod(a, "alpha", Http, Dns));
        await host.AddAsync(Pod(b, "beta", Http, Dns));

        using var toA = await PodClient.ConnectAsync(a, "127.0.0.1", Http.Port);
        using var toB = await PodClient.ConnectAsync(b, "127.0.0.1", Http.Port);

        Assert.Equal("alpha\n", (await toA.RequestAsync("GET", "/")).Body);
        Assert.Equal("beta\n", (await toB.RequestAsync("GET", "/")).Body);
        Assert.Equal("beta", (await ProbeAsync(b, Dns)).Detail);
    }

    [Fact]
    public async Task AddAsync_PortAlreadyInUse_IsReportedAsFailed()
    {
        await using var nets = new TestNetworks();
        var pod = await nets.NamespaceAsync("pod");
        using var squatter = NetworkNamespace.CreateSocket(pod, AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        squatter.Bind(new IPEndPoint(IPAddress.Any, Http.Port));
        squatter.Listen();
        await using var host = new WorkloadHost();

        var status = await host.AddAsync(Pod(pod, "web", Http, Dns));

        Assert.False(status.Ready);
        Assert.Equal([Dns], status.Served);
        var failed = Assert.Single(status.Failed);
        Assert.StartsWith("8080/TCP: ", failed.ToString());
        Assert.Contains("in use", failed.Reason);
    }

    [Fact]
    public async Task AddAsync_SctpPort_IsServedOnlyWhenTheKernelHasSctp()
    {
        await using var nets = new TestNetworks();
        var pod = await nets.NamespaceAsync("pod");
        await using var host = new WorkloadHost();
        var sctp = new LabPort("s1ap", 36412, LabProtocol.Sctp);

        var status = await host.AddAsync(Pod(pod, "mme", Http, sctp));

        Assert.True(status.Ready);
        if (KernelFeatures.HasSctp)
        {
            Assert.Contains(sctp, status.Served);
        }
        else
        {
            Assert.Equal([Http], status.Served);
            Assert.Equal("36412/SCTP: " + KernelFeatures.SctpMissing, Assert.Single(status.Skipped).ToString());
        }
    }

    [Fact]
    public async Task AddAsync_MissingNamespace_ThrowsALabExceptionNamingIt()
    {
        await using var host = new WorkloadHost();

        var e = await Assert.ThrowsAsync<LabException>(() => host.AddAsync(Pod("plt-no-such-netns", "web", Http)));

        Assert.Contains("plt-no-such-netns", e.Message);
    }

    [Fact]
    public async Task AddAsync_UdpPort_AnswersEveryDatagramWithThePodName()
    {
        await using var nets = new TestNetworks();
        var pod = await nets.NamespaceAsync("pod");
        await using var host = new WorkloadHost();
        await host.AddAsync(Pod(pod, "dns-pod", Dns));
        using var client = NetworkNamespace.CreateSocket(pod, AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        await client.ConnectAsync(IPAddress.Loopback, Dns.Port);
        var reply = new byte[64];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        var replies = new List<string>();
        foreach (var datagram in new[] { new byte[5000], "second"u8.ToArray() })
        {
            await client.SendAsync(datagram);
            var read = await client.ReceiveAsync(reply, SocketFlags.None, timeout.Token);
            replies.Add(global::System.Text.Encoding.UTF8.GetString(reply, 0, read));
        }

        Assert.Equal(["dns-pod\n", "dns-pod\n"], replies);
    }
}
