using System.Net;
using System.Net.Sockets;
using ARSoft.Tools.Net.Dns;
using Palisade.Lab.Netns;

namespace Palisade.Lab.Dns;

/// <summary>
/// The lab's cluster DNS (its CoreDNS): answers UDP and TCP queries on one endpoint inside a network namespace from a
/// <see cref="DnsZoneSnapshot"/> that <see cref="Update"/> replaces whole. See <see cref="DnsNameLookup"/> for the names
/// it answers.
/// </summary>
internal sealed class LabDnsServer : IAsyncDisposable
{
    private readonly UdpServerTransport udp;
    private readonly TcpServerTransport tcp;
    private readonly DnsServer server;
    private DnsZoneIndex zone;
    private long queryCount;
    private int serial = 1;
    private int disposed;

    // ARSoft's transports create their sockets in their constructors (UdpServerTransport: new Socket; TcpServerTransport:
    // new TcpListener) and DnsServer.Start binds them, so both must run on the namespace's thread; the accept loops
    // that Start launches on pool threads only use the sockets already made.
    private LabDnsServer(string? netns, IPEndPoint endpoint, DnsZoneIndex zone)
    {
        Netns = netns;
        Endpoint = endpoint;
        this.zone = zone;
        udp = new UdpServerTransport(endpoint);
        tcp = new TcpServerTransport(endpoint);
        server = new DnsServer(udp, tcp);
        server.QueryReceived += OnQueryReceivedAsync;
    }

    /// <summary>The network namespace the server listens in (null: the namespace of the lab's process).</summary>
    public string? Netns { get; }

    /// <summary>The address and port the server listens on, for UDP and TCP.</summary>
    public IPEndPoint Endpoint { get; }

    /// <summary>How many queries the server has received (answered or not).</summary>
    public long QueryCount => Interlocked.Read(ref queryCount);

    /// <summary>
    /// Starts a server listening on <paramref name="endpoint"/> (UDP and TCP) inside namespace <paramref name="netns"/>
    /// (null: the current one), answering from <paramref name="zone"/>.
    /// </summary>
    /// <exception cref="LabException">The namespace cannot be entered or the endpoint cannot be bound.</exception>
    public static LabDnsServer Start(string? netns, IPEndPoint endpoint, DnsZoneSnapshot zone)
    {
        var index = new DnsZoneIndex(zone, 1);
        try
        {
            return ListenWhenFree(netns, endpoint, index);
        }
        catch (Exception e) when (e is SocketException or IOException)
        {
            var where = netns is null ? "the lab's own network namespace" : "network namespace " + netns;
            throw new LabException($"the lab's DNS server cannot listen on {endpoint} (UDP and TCP) in {where}: {e.Message}; check that the namespace exists, has that address and that nothing else uses port {endpoint.Port}", e);
        }
    }

    /// <summary>Replaces the zone: every query answered after this call sees all of <paramref name="zone"/>, none sees part of it.</summary>
    public void Update(DnsZoneSnapshot zone)
    {
        var index = new DnsZoneIndex(zone, (uint)Interlocked.Increment(ref serial));
        Volatile.Write(ref this.zone, index);
    }

    /// <summary>Stops listening and closes both sockets.</summary>
    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 0) StopListening();
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Listens, trying again for a moment while the endpoint is in use: a socket closed a moment ago (a server of this
    /// endpoint just stopped) stays bound while any child process this process is starting holds a copy of it, from
    /// its fork to its exec, and the lab starts programs all the time.
    /// </summary>
    private static LabDnsServer ListenWhenFree(string? netns, IPEndPoint endpoint, DnsZoneIndex index)
    {
        var deadline = Environment.TickCount64 + 2000;
        while (true)
        {
            try
            {
                return netns is null ? Listen(null, endpoint, index) : NetworkNamespace.Run(netns, () => Listen(netns, endpoint, index));
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse && Environment.TickCount64 < deadline)
            {
                Thread.Sleep(10);
            }
        }
    }

    private static LabDnsServer Listen(string? netns, IPEndPoint endpoint, DnsZoneIndex index)
    {
        var lab = new LabDnsServer(netns, endpoint, index);
        try
        {
            lab.server.Start();
            return lab;
        }
        catch
        {
            lab.StopListening();
            throw;
        }
    }

    private void StopListening()
    {
        try
        {
            server.Stop();
        }
        catch (AggregateException e) when (e.InnerExceptions.All(x => x is TaskCanceledException))
        {
            // ARSoft's Stop cancels its accept loops, then waits for them: a loop that had not begun yet (a server
            // stopped right after it started) counts as cancelled, and Stop throws before closing the sockets.
        }
        udp.Close();
        tcp.Close();
    }

    private Task OnQueryReceivedAsync(object sender, QueryReceivedEventArgs e)
    {
        Interlocked.Increment(ref queryCount);
        // A query that is not a DnsMessage (e.g. a dynamic update) gets ARSoft's failure response.
        if (e.Query is DnsMessage query) e.Response = DnsResponder.Respond(query, Volatile.Read(ref zone));
        return Task.CompletedTask;
    }
}
