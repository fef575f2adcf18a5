using System.Net;
using System.Net.Sockets;
using ARSoft.Tools.Net;
using ARSoft.Tools.Net.Dns;
using Palisade.Lab.Dns;
using Palisade.Lab.Netns;
using Palisade.Lab.System;
using Palisade.Lab.Tests.Support;

namespace Palisade.Lab.Tests.Dns;

/// <summary>The server's life: where it listens, zone updates, the query counter, stopping, and start errors.</summary>
public sealed class LabDnsServerTests
{
    [Fact]
    [Trait("Requires", "root")]
    public async Task Update_NewSnapshot_ChangesAnswers()
    {
        await using var lab = await DnsTestLab.StartAsync(StarWarsZone.Snapshot);
        Assert.Equal(["10.96.0.10"], (await lab.DigAsync("deathstar.default.svc.cluster.local")).AnswerData("A"));

        lab.Server.Update(StarWarsZone.Snapshot with { Services = [StarWarsZone.Service("deathstar", IPAddress.Parse("10.96.0.99"))], ExternalHosts = [] });

        Assert.Equal(["10.96.0.99"], (await lab.DigAsync("deathstar.default.svc.cluster.local")).AnswerData("A"));
        Assert.Equal("NXDOMAIN", (await lab.DigAsync("api.twitter.com")).Status);
    }

    [Fact]
    [Trait("Requires", "root")]
    public async Task Start_InANamespace_AnswersThereAndIsNotReachableFromTheHostLoopback()
    {
        const int port = 35353;
        await using var nets = new TestNetworks();
        var ns = await nets.NamespaceAsync("dns");
        await using var server = LabDnsServer.Start(ns, new IPEndPoint(IPAddress.Loopback, port), StarWarsZone.Snapshot);

        var inside = await TestNetworks.ExecAsync(ns, "dig", "+tries=1", "+time=5", "@127.0.0.1", "-p", port.ToString(), "deathstar.default.svc.cluster.local");
        Assert.Equal(["10.96.0.10"], DigResult.Parse(inside.StandardOutput).AnswerData("A"));

        var fromHost = await ProcessRunner.RunAsync("dig", ["+tries=1", "+time=1", "@127.0.0.1", "-p", port.ToString(), "deathstar.default.svc.cluster.local"]);
        Assert.NotEqual(0, fromHost.ExitCode);
        using var tcp = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        var refused = await Assert.ThrowsAsync<SocketException>(() => tcp.ConnectAsync(IPAddress.Loopback, port));
        Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
        Assert.Equal(1, server.QueryCount);
    }

    [Fact]
    [Trait("Requires", "root")]
    public async Task QueryCount_AfterUdpAndTcpQueries_CountsEach()
    {
        await using var lab = await DnsTestLab.StartAsync(StarWarsZone.Snapshot);
        await lab.DigAsync("deathstar.default.svc.cluster.local");
        await lab.DigAsync("+tcp", "nowhere.example.com");
        Assert.Equal(2, lab.Server.QueryCount);
    }

    [Fact]
    [Trait("Requires", "root")]
    public async Task DisposeAsync_AfterwardsNothingListens()
    {
        await using var lab = await DnsTestLab.StartAsync(StarWarsZone.Snapshot);
        await lab.Server.DisposeAsync();
        Assert.Equal(SocketError.ConnectionRefused, await ConnectUntilRefusedAsync(lab.PodNs, DnsTestLab.ServerAddress, 53));
    }

    [Fact]
    [Trait("Requires", "root")]
    public async Task DisposeAsync_RightAfterStart_FreesThePortForTheNextServer()
    {
        await using var nets = new TestNetworks();
        var ns = await nets.NamespaceAsync("dns");
        for (var i = 0; i < 20; i++)
        {
            // Before its accept loops run: a Stop that throws there without closing its sockets makes the next Start fail.
            await LabDnsServer.Start(ns, new IPEndPoint(IPAddress.Loopback, 53), StarWarsZone.Snapshot).DisposeAsync();
        }
        await using var last = LabDnsServer.Start(ns, new IPEndPoint(IPAddress.Loopback, 53), StarWarsZone.Snapshot);
        var dig = await TestNetworks.ExecAsync(ns, "dig", "+tries=1", "+time=5", "@127.0.0.1", "deathstar.default.svc.cluster.local");
        Assert.Equal(["10.96.0.10"], DigResult.Parse(dig.StandardOutput).AnswerData("A"));
    }

    [Fact]
    [Trait("Requires", "root")]
    public async Task Start_AddressTheNamespaceLacks_SaysWhereItCannotListen()
    {
        await using var nets = new TestNetworks();
        var ns = await nets.NamespaceAsync("dns");
        var e = Assert.Throws<LabException>(() => LabDnsServer.Start(ns, new IPEndPoint(IPAddress.Parse("10.99.77.1"), 53), StarWarsZone.Snapshot));
        Assert.Contains(ns, e.Message);
        Assert.Contains("10.99.77.1:53", e.Message);
    }

    [Fact]
    public void Start_UnknownNamespace_SaysWhichOne()
    {
        var e = Assert.Throws<LabException>(() => LabDnsServer.Start("plt-no-such-ns", new IPEndPoint(IPAddress.Loopback, 53), StarWarsZone.Snapshot));
        Assert.Contains("plt-no-such-ns", e.Message);
    }

    [Fact]
    public async Task Update_WhileQueried_EveryAnswerComesFromOneWholeZone()
    {
        var port = FreeLoopbackPort();
        await using var server = LabDnsServer.Start(null, new IPEndPoint(IPAddress.Loopback, port), Generation(0));
        using var client = new DnsClient([IPAddress.Loopback], [new UdpClientTransport(port)], true, 5000);
        var name = DomainName.Parse("peers.default.svc.cluster.local");
        using var stop = new CancellationTokenSource();
        var updates = Task.Run(() =>
        {
            for (var g = 1; !stop.IsCancellationRequested; g++)
            {
                server.Update(Generation(g % 250));
                Thread.Yield();
            }
        });
        try
        {
            for (var i = 0; i < 200; i++)
            {
                var answer = await client.ResolveAsync(name, RecordType.A);
                Assert.NotNull(answer);
                Assert.Equal(ReturnCode.NoError, answer.ReturnCode);
                var addresses = answer.AnswerRecords.OfType<ARecord>().Select(r => r.Address.GetAddressBytes()).ToList();
                Assert.Equal(20, addresses.Count);
                Assert.Single(addresses.Select(a => a[2]).Distinct());
            }
        }
        finally
        {
            await stop.CancelAsync();
            await updates;
        }
    }

    /// <summary>A zone whose headless Service "peers" has 20 endpoints, all with <paramref name="generation"/> as third octet.</summary>
    private static DnsZoneSnapshot Generation(int generation) => new()
    {
        Services = [StarWarsZone.Service("peers", null)],
        ServiceEndpoints = new Dictionary<string, IReadOnlyList<IPAddress>>
        {
            ["default/peers"] = [.. Enumerable.Range(1, 20).Select(i => new IPAddress([10, 0, (byte)generation, (byte)i]))],
        },
    };

    /// <summary>
    /// Connects until refused (2 s at most) and returns the last outcome: a closed listening socket may live on for a
    /// moment in a child process that another test is starting (from its fork to its exec).
    /// </summary>
    private static async Task<SocketError> ConnectUntilRefusedAsync(string netns, IPAddress address, int port)
    {
        var deadline = Environment.TickCount64 + 2000;
        while (true)
        {
            using var tcp = NetworkNamespace.CreateSocket(netns, AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                await tcp.ConnectAsync(address, port);
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionRefused)
            {
                return e.SocketErrorCode;
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionReset)
            {
                // The child closed its copy of the listening socket while this connection waited in its backlog.
            }
            if (Environment.TickCount64 > deadline) return SocketError.Success;
            await Task.Delay(10);
        }
    }

    private static int FreeLoopbackPort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }
}
