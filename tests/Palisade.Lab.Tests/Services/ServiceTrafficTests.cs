using System.Net;
using System.Net.Sockets;
using System.Text;
using Palisade.Lab.Model;
using Palisade.Lab.Netns;
using Palisade.Lab.Services;
using Palisade.Lab.System;
using static Palisade.Lab.Tests.Services.ServiceSamples;

namespace Palisade.Lab.Tests.Services;

/// <summary>Real packets through <c>table ip palisade-services</c> in a routed node namespace with pods A, B and C.</summary>
[Trait("Requires", "root")]
public sealed class ServiceTrafficTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task ApplyAsync_TcpToClusterIp_ReachesTheBackendOnItsNamedTargetPort()
    {
        await using var lab = await Lab.CreateAsync();
        await ServiceTableApplier.ApplyAsync(lab.Topology.Node, Ruleset(B));
        using var listener = Listen(lab.B, B.Ip, 8080);
        using var client = await ConnectAsync(lab.A, WebIp, 80);
        using var accepted = await AcceptAsync(listener);
        Assert.Equal(new IPEndPoint(B.Ip, 8080), accepted.LocalEndPoint);
        Assert.Equal(A.Ip, ((IPEndPoint)accepted.RemoteEndPoint!).Address);
    }

    [Fact]
    public async Task ApplyAsync_FortyConnections_SpreadOverBothBackends()
    {
        await using var lab = await Lab.CreateAsync();
        await ServiceTableApplier.ApplyAsync(lab.Topology.Node, Ruleset(B, C));
        using var listenerB = Listen(lab.B, B.Ip, 8080);
        using var listenerC = Listen(lab.C, C.Ip, 8080);
        for (var i = 0; i < 40; i++) (await ConnectAsync(lab.A, WebIp, 80)).Dispose();
        var counts = await DrainAsync(40, listenerB, listenerC);
        Assert.Equal(40, counts.Sum());
        Assert.All(counts, n => Assert.True(n > 0, $"one backend got all 40 connections ({string.Join('/', counts)})"));
    }

    [Fact]
    public async Task ApplyAsync_UdpToClusterIp_IsAnsweredFromTheClusterIp()
    {
        await using var lab = await Lab.CreateAsync();
        await ServiceTableApplier.ApplyAsync(lab.Topology.Node, Ruleset(B));
        using var server = NetworkNamespace.CreateSocket(lab.B, AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        server.Bind(new IPEndPoint(B.Ip, 5353));
        using var client = NetworkNamespace.CreateSocket(lab.A, AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        await client.ConnectAsync(WebIp, 53);   // a connected socket only takes datagrams from 10.96.0.20:53
        using var cts = new CancellationTokenSource(Deadline);
        await client.SendAsync(Encoding.ASCII.GetBytes("ping"), cts.Token);
        var buffer = new byte[16];
        var request = await server.ReceiveFromAsync(buffer, new IPEndPoint(IPAddress.Any, 0), cts.Token);
        Assert.Equal(A.Ip, ((IPEndPoint)request.RemoteEndPoint).Address);
        await server.SendToAsync(Encoding.ASCII.GetBytes("pong"), request.RemoteEndPoint, cts.Token);
        var n = await client.ReceiveAsync(buffer, cts.Token);
        Assert.Equal("pong", Encoding.ASCII.GetString(buffer, 0, n));
    }

    [Fact]
    public async Task ApplyAsync_ServiceWithoutBackends_RefusesTheConnection()
    {
        await using var lab = await Lab.CreateAsync();
        await ServiceTableApplier.ApplyAsync(lab.Topology.Node, Ruleset(B));
        using var client = NetworkNamespace.CreateSocket(lab.A, AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        using var cts = new CancellationTokenSource(Deadline);   // a timeout would end in OperationCanceledException, not refused
        var e = await Assert.ThrowsAsync<SocketException>(async () => await client.ConnectAsync(EmptyIp, 80, cts.Token));
        Assert.Equal(SocketError.ConnectionRefused, e.SocketErrorCode);
    }

    [Fact]
    public async Task ApplyAsync_PodReachingItsOwnService_IsHairpinnedWithTheNodeAsSource()
    {
        await using var lab = await Lab.CreateAsync();
        await ServiceTableApplier.ApplyAsync(lab.Topology.Node, Ruleset(B));
        using var listener = Listen(lab.B, B.Ip, 8080);
        using var client = await ConnectAsync(lab.B, WebIp, 80);
        using var accepted = await AcceptAsync(listener);
        Assert.Equal(NodeIp, ((IPEndPoint)accepted.RemoteEndPoint!).Address);   // masqueraded, so B's answer goes back through the node
        await client.SendAsync(Encoding.ASCII.GetBytes("hi"));
        var buffer = new byte[2];
        Assert.Equal(2, await accepted.ReceiveAsync(buffer));
    }

    [Fact]
    public async Task ApplyAsync_SameRulesetTwiceThenWithoutABackend_IsIdempotentAndDropsTheOldBackend()
    {
        await using var lab = await Lab.CreateAsync();
        await ServiceTableApplier.ApplyAsync(lab.Topology.Node, Ruleset(B, C));
        var first = await ListTableAsync(lab.Topology.Node);
        await ServiceTableApplier.ApplyAsync(lab.Topology.Node, Ruleset(B, C));
        Assert.Equal(first, await ListTableAsync(lab.Topology.Node));
        Assert.Contains(C.Ip.ToString(), first);
        await ServiceTableApplier.ApplyAsync(lab.Topology.Node, Ruleset(B));
        var after = await ListTableAsync(lab.Topology.Node);
        Assert.DoesNotContain(C.Ip.ToString(), after);
        Assert.Contains($"dnat to {B.Ip}:8080", after);
    }

    [Fact]
    public async Task ApplyAsync_RulesetNftRefuses_ThrowsNftsErrorAndKeepsTheOldTable()
    {
        await using var lab = await Lab.CreateAsync();
        await ServiceTableApplier.ApplyAsync(lab.Topology.Node, Ruleset(B));
        var before = await ListTableAsync(lab.Topology.Node);
        var broken = Ruleset(B, C).Replace("jump services", "jump no-such-chain", StringComparison.Ordinal);
        var e = await Assert.ThrowsAsync<LabException>(() => ServiceTableApplier.ApplyAsync(lab.Topology.Node, broken));
        Assert.Contains("no-such-chain", e.Message);
        Assert.Equal(before, await ListTableAsync(lab.Topology.Node));
    }

    [Fact]
    public async Task RenderDelete_AppliedTwice_LeavesNoTableAndDoesNotFail()
    {
        await using var lab = await Lab.CreateAsync();
        await ServiceTableApplier.ApplyAsync(lab.Topology.Node, Ruleset(B));
        await ServiceTableApplier.ApplyAsync(lab.Topology.Node, ServiceRuleset.RenderDelete());
        await ServiceTableApplier.ApplyAsync(lab.Topology.Node, ServiceRuleset.RenderDelete());
        var tables = await ProcessRunner.RunCheckedAsync("ip", ["netns", "exec", lab.Topology.Node, "nft", "list", "tables"]);
        Assert.DoesNotContain(ServiceRuleset.Table, tables);
    }

    private static Task<string> ListTableAsync(string netns) =>
        ProcessRunner.RunCheckedAsync("ip", ["netns", "exec", netns, "nft", "list", "table", "ip", ServiceRuleset.Table]);

    private static Socket Listen(string netns, IPAddress ip, int port)
    {
        var listener = NetworkNamespace.CreateSocket(netns, AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(ip, port));
        listener.Listen(64);
        return listener;
    }

    private static async Task<Socket> ConnectAsync(string netns, IPAddress ip, int port)
    {
        var client = NetworkNamespace.CreateSocket(netns, AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        using var cts = new CancellationTokenSource(Deadline);
        await client.ConnectAsync(ip, port, cts.Token);
        return client;
    }

    private static async Task<Socket> AcceptAsync(Socket listener)
    {
        using var cts = new CancellationTokenSource(Deadline);
        return await listener.AcceptAsync(cts.Token);
    }

    /// <summary>Accepts from every listener until <paramref name="expected"/> connections came in (or the deadline passes) and counts them per listener.</summary>
    private static async Task<int[]> DrainAsync(int expected, params Socket[] listeners)
    {
        var counts = new int[listeners.Length];
        var end = DateTime.UtcNow + Deadline;
        while (counts.Sum() < expected && DateTime.UtcNow < end)
        {
            for (var i = 0; i < listeners.Length; i++)
            {
                while (listeners[i].Poll(0, SelectMode.SelectRead))
                {
                    listeners[i].Accept().Dispose();
                    counts[i]++;
                }
            }
            await Task.Delay(10);
        }
        return counts;
    }

    /// <summary>The routed topology with client pod A and web pods B and C at the addresses of <see cref="ServiceSamples"/>.</summary>
    private sealed record Lab(RoutedTopology Topology, string A, string B, string C) : IAsyncDisposable
    {
        public static async Task<Lab> CreateAsync()
        {
            var topology = await RoutedTopology.CreateAsync(NodeIp);
            try
            {
                return new Lab(topology, await Add(topology, ServiceSamples.A), await Add(topology, ServiceSamples.B), await Add(topology, ServiceSamples.C));
            }
            catch
            {
                await topology.DisposeAsync();
                throw;
            }
        }

        public ValueTask DisposeAsync() => Topology.DisposeAsync();

        private static Task<string> Add(RoutedTopology topology, LabPod pod) => topology.AddPodAsync(pod.Name, pod.Ip);
    }
}
