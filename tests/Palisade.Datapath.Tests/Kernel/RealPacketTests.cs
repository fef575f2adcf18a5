using System.Net;
using System.Net.Sockets;
using System.Text;
using Palisade.Datapath.Fake;
using Palisade.Datapath.Kernel;
using Palisade.Datapath.Nft;
using Palisade.Lab.Netns;
using Palisade.Datapath.Tests.Support;
using static Palisade.Datapath.Tests.Support.NftSamples;

namespace Palisade.Datapath.Tests.Kernel;

/// <summary>Real TCP connections through a router whose forward hook holds the identity ruleset, against what the tracer predicts over the fake.</summary>
[Trait("Requires", "root")]
public sealed class RealPacketTests
{
    /// <summary>How long a SYN may go unanswered before the connection counts as dropped (the first retransmission is at 1 s).</summary>
    private static readonly TimeSpan DropWait = TimeSpan.FromSeconds(1.5);

    private static readonly int[] Ports = [7000, 7001, 7002];

    [Fact]
    public async Task Connect_ToAllowedRefusedAndUnlistedPorts_GetsTheVerdictsTheTracerPredicts()
    {
        await using var trio = await RouterTrio.CreateAsync();
        using var kernel = new LibNftables(trio.Router);
        var fake = new FakeNftables();
        var ruleset = IdentityRuleset();
        await kernel.ApplyAsync(ruleset);
        fake.Apply(ruleset);
        var listeners = Ports.Select(p => Listen(trio.Server, p)).ToList();
        try
        {
            var predicted = Ports.Select(p => Predict(fake, p)).ToList();
            var observed = new List<NftVerdictKind>();
            foreach (var port in Ports) observed.Add(await ConnectAsync(trio.Client, port));
            Assert.Equal([NftVerdictKind.Accept, NftVerdictKind.Reject, NftVerdictKind.Drop], predicted);
            Assert.Equal(predicted, observed);
        }
        finally
        {
            listeners.ForEach(l => l.Dispose());
        }
    }

    [Fact]
    public async Task Connect_Allowed_CarriesDataBothWaysThroughTheEstablishedRule()
    {
        await using var trio = await RouterTrio.CreateAsync();
        using var kernel = new LibNftables(trio.Router);
        await kernel.ApplyAsync(IdentityRuleset());
        using var listener = Listen(trio.Server, 7000);
        using var client = NetworkNamespace.CreateSocket(trio.Client, AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await client.ConnectAsync(RouterTrio.ServerIp, 7000, deadline.Token);
        using var accepted = await listener.AcceptAsync(deadline.Token);
        await client.SendAsync(Encoding.ASCII.GetBytes("ping"), deadline.Token);
        Assert.Equal("ping", await ReceiveAsync(accepted, deadline.Token));
        await accepted.SendAsync(Encoding.ASCII.GetBytes("pong"), deadline.Token);
        Assert.Equal("pong", await ReceiveAsync(client, deadline.Token));
    }

    [Fact]
    public async Task Connect_AfterTheAllowingElementIsDeleted_IsDroppedAsTheTracerPredicts()
    {
        await using var trio = await RouterTrio.CreateAsync();
        using var kernel = new LibNftables(trio.Router);
        var fake = new FakeNftables();
        var ruleset = IdentityRuleset();
        var revoke = After(ruleset).DeleteElements(AllowedIds, "1 . 2 . tcp . 7000");
        foreach (var transaction in new[] { ruleset, revoke })
        {
            await kernel.ApplyAsync(transaction);
            fake.Apply(transaction);
        }
        using var listener = Listen(trio.Server, 7000);
        Assert.Equal(NftVerdictKind.Drop, Predict(fake, 7000));
        Assert.Equal(NftVerdictKind.Drop, await ConnectAsync(trio.Client, 7000));
    }

    private static NftVerdictKind Predict(FakeNftables fake, int port) =>
        fake.Trace(Packet.TcpSyn(RouterTrio.ClientSide, RouterTrio.ServerSide, RouterTrio.ClientIp, RouterTrio.ServerIp, port)).Verdict;

    private static Socket Listen(string netns, int port)
    {
        var listener = NetworkNamespace.CreateSocket(netns, AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(RouterTrio.ServerIp, port));
        listener.Listen();
        return listener;
    }

    /// <summary>Accept when the connection is made, reject when it is refused, drop when the SYN goes unanswered.</summary>
    private static async Task<NftVerdictKind> ConnectAsync(string netns, int port)
    {
        using var client = NetworkNamespace.CreateSocket(netns, AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        using var wait = new CancellationTokenSource(DropWait);
        try
        {
            await client.ConnectAsync(RouterTrio.ServerIp, port, wait.Token);
            return NftVerdictKind.Accept;
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionRefused)
        {
            return NftVerdictKind.Reject;
        }
        catch (OperationCanceledException)
        {
            return NftVerdictKind.Drop;
        }
    }

    private static async Task<string> ReceiveAsync(Socket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[16];
        var n = await socket.ReceiveAsync(buffer, cancellationToken);
        return Encoding.ASCII.GetString(buffer, 0, n);
    }
}
