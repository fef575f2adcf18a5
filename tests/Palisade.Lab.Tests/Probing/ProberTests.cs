using System.Net;
using System.Net.Sockets;
using Palisade.Lab.Model;
using Palisade.Lab.Netns;
using Palisade.Lab.Probing;
using Palisade.Lab.System;
using Palisade.Lab.Tests.Support;

namespace Palisade.Lab.Tests.Probing;

[Trait("Requires", "root")]
public sealed class ProberTests
{
    private const int Port = 7070;
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan Patient = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task ProbeAsync_TcpListener_IsConnectedAndAClosedPortRefused()
    {
        await using var nets = new TestNetworks();
        var ns = await nets.NamespaceAsync("probe");
        using var listener = Listen(ns, SocketType.Stream, ProtocolType.Tcp);

        var open = await Prober.ProbeAsync(ns, LabProtocol.Tcp, IPAddress.Loopback, Port, Patient);
        var closed = await Prober.ProbeAsync(ns, LabProtocol.Tcp, IPAddress.Loopback, Port + 1, Patient);

        Assert.Equal(ProbeOutcome.Connected, open.Outcome);
        Assert.Equal(ProbeOutcome.Refused, closed.Outcome);
    }

    [Fact]
    public async Task ProbeAsync_NoNamespace_ProbesFromThisProcess()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen();

        var result = await Prober.ProbeAsync(null, LabProtocol.Tcp, IPAddress.Loopback, ((IPEndPoint)listener.LocalEndPoint!).Port, Patient);

        Assert.Equal(ProbeOutcome.Connected, result.Outcome);
    }

    [Theory]
    [InlineData(LabProtocol.Tcp, "tcp")]
    [InlineData(LabProtocol.Udp, "udp")]
    public async Task ProbeAsync_PacketsDropped_TimesOut(LabProtocol protocol, string nftProtocol)
    {
        await using var nets = new TestNetworks();
        var ns = await nets.NamespaceAsync("probe");
        await DropAsync(ns, $"{nftProtocol} dport {Port} drop");

        var result = await Prober.ProbeAsync(ns, protocol, IPAddress.Loopback, Port, Short);

        Assert.Equal(ProbeOutcome.Timeout, result.Outcome);
    }

    [Fact]
    public async Task ProbeAsync_UnreachableRoute_IsUnreachableWithTheSystemMessage()
    {
        await using var nets = new TestNetworks();
        var ns = await nets.NamespaceAsync("probe");
        await ProcessRunner.RunCheckedAsync("ip", ["-n", ns, "route", "add", "unreachable", "10.98.0.0/24"]);

        var result = await Prober.ProbeAsync(ns, LabProtocol.Tcp, IPAddress.Parse("10.98.0.1"), Port, Patient);

        Assert.Equal(ProbeOutcome.Unreachable, result.Outcome);
        Assert.Equal("UNREACHABLE: " + result.Detail, ProbeOutput.Describe(result));
    }

    [Fact]
    public async Task ProbeAsync_UdpEchoAndClosedUdpPort_AreConnectedAndRefused()
    {
        await using var nets = new TestNetworks();
        var ns = await nets.NamespaceAsync("probe");
        using var server = Listen(ns, SocketType.Dgram, ProtocolType.Udp);
        var echo = EchoOnceAsync(server);

        var open = await Prober.ProbeAsync(ns, LabProtocol.Udp, IPAddress.Loopback, Port, Patient);
        var closed = await Prober.ProbeAsync(ns, LabProtocol.Udp, IPAddress.Loopback, Port + 1, Patient);

        Assert.Equal((ProbeOutcome.Connected, "probe"), (open.Outcome, open.Detail));
        Assert.Equal(ProbeOutcome.Refused, closed.Outcome);
        await echo;
    }

    [Fact]
    public async Task ProbeAsync_Sctp_IsUnsupportedExactlyWhenTheKernelHasNoSctp()
    {
        await using var nets = new TestNetworks();
        var ns = await nets.NamespaceAsync("probe");

        var result = await Prober.ProbeAsync(ns, LabProtocol.Sctp, IPAddress.Loopback, Port, Patient);

        Assert.Equal(KernelFeatures.HasSctp ? ProbeOutcome.Refused : ProbeOutcome.Unsupported, result.Outcome);
    }

    [Fact]
    public async Task ProbeAsync_MissingNamespace_IsALabExceptionNamingIt()
    {
        var e = await Assert.ThrowsAsync<LabException>(() => Prober.ProbeAsync("plt-no-such-netns", LabProtocol.Tcp, IPAddress.Loopback, Port, Short));

        Assert.Contains("plt-no-such-netns", e.Message);
    }

    private static Socket Listen(string ns, SocketType type, ProtocolType protocol)
    {
        var socket = NetworkNamespace.CreateSocket(ns, AddressFamily.InterNetwork, type, protocol);
        socket.Bind(new IPEndPoint(IPAddress.Any, Port));
        if (type == SocketType.Stream) socket.Listen();
        return socket;
    }

    private static async Task EchoOnceAsync(Socket server)
    {
        var buffer = new byte[64];
        var received = await server.ReceiveFromAsync(buffer, new IPEndPoint(IPAddress.Any, 0));
        await server.SendToAsync(buffer.AsMemory(0, received.ReceivedBytes), received.RemoteEndPoint);
    }

    /// <summary>A one-rule nft table in the test's own namespace that drops what <paramref name="rule"/> matches on input.</summary>
    private static Task DropAsync(string ns, string rule) =>
        ProcessRunner.RunCheckedAsync("ip", ["netns", "exec", ns, "nft", $"add table inet probe; add chain inet probe input {{ type filter hook input priority 0; }}; add rule inet probe input {rule}"]);
}
