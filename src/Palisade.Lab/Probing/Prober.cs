using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Palisade.Lab.Model;
using Palisade.Lab.Netns;

namespace Palisade.Lab.Probing;

/// <summary>
/// Probes a port from inside a network namespace, as a pod would: TCP and SCTP connect; UDP sends "probe\n" on a
/// connected socket and waits for any reply (an ICMP port unreachable comes back as a refused receive).
/// </summary>
/// <remarks>
/// UDP probes take their source ports in turn from the ephemeral range, starting at a random place, instead of the
/// kernel's random pick: a probe that reused the 4-tuple of an earlier allowed probe within conntrack's 30 s would
/// match that connection's entry and be let through as a reply of an established flow, whatever the policy says now.
/// </remarks>
internal static class Prober
{
    private static readonly byte[] Datagram = "probe\n"u8.ToArray();
    private const int FirstEphemeralPort = 32768, EphemeralPorts = 61000 - FirstEphemeralPort;
    private static int _nextUdpPort = Random.Shared.Next(EphemeralPorts);

    /// <summary>Probes <paramref name="address"/>:<paramref name="port"/> from namespace <paramref name="netns"/> (null: this process's namespace).</summary>
    /// <exception cref="LabException">The namespace does not exist.</exception>
    public static async Task<ProbeResult> ProbeAsync(string? netns, LabProtocol protocol, IPAddress address, int port, TimeSpan timeout, CancellationToken ct = default)
    {
        if (protocol == LabProtocol.Sctp && !KernelFeatures.HasSctp) return new ProbeResult(ProbeOutcome.Unsupported, TimeSpan.Zero, KernelFeatures.SctpMissing);
        using var socket = Create(netns, protocol, address.AddressFamily);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        var watch = Stopwatch.StartNew();
        try
        {
            var endpoint = new IPEndPoint(address, port);
            var detail = protocol == LabProtocol.Udp ? await ExchangeAsync(socket, endpoint, deadline.Token).ConfigureAwait(false) : await ConnectAsync(socket, endpoint, deadline.Token).ConfigureAwait(false);
            return new ProbeResult(ProbeOutcome.Connected, watch.Elapsed, detail);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new ProbeResult(ProbeOutcome.Timeout, watch.Elapsed, null);
        }
        catch (SocketException e)
        {
            return new ProbeResult(OutcomeOf(e.SocketErrorCode), watch.Elapsed, e.Message);
        }
    }

    private static Socket Create(string? netns, LabProtocol protocol, AddressFamily family)
    {
        var (type, number) = protocol switch
        {
            LabProtocol.Udp => (SocketType.Dgram, ProtocolType.Udp),
            LabProtocol.Sctp => (SocketType.Stream, KernelFeatures.SctpProtocol),
            _ => (SocketType.Stream, ProtocolType.Tcp),
        };
        Socket socket;
        if (netns is null) socket = new Socket(family, type, number);
        else if (!NetworkNamespace.Exists(netns)) throw new LabException($"network namespace {netns} does not exist; list them with 'ip netns list'");
        else socket = NetworkNamespace.CreateSocket(netns, family, type, number);
        if (protocol != LabProtocol.Udp) return socket;
        try
        {
            BindNextUdpPort(socket, family);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Binds the next free port of the rotation (a port in use in that namespace is skipped).</summary>
    private static void BindNextUdpPort(Socket socket, AddressFamily family)
    {
        var any = family == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any;
        for (var attempt = 0; ; attempt++)
        {
            var port = FirstEphemeralPort + (int)((uint)Interlocked.Increment(ref _nextUdpPort) % EphemeralPorts);
            try
            {
                socket.Bind(new IPEndPoint(any, port));
                return;
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse && attempt < 64)
            {
            }
        }
    }

    private static async Task<string?> ConnectAsync(Socket socket, IPEndPoint endpoint, CancellationToken token)
    {
        await socket.ConnectAsync(endpoint, token).ConfigureAwait(false);
        return null;
    }

    /// <summary>
    /// Sends the probe datagram, again every 150 ms until a reply or the deadline (a lone datagram can be lost while
    /// a neighbour entry resolves, as TCP's SYN is retransmitted), and returns the reply's text without its newline.
    /// </summary>
    private static async Task<string?> ExchangeAsync(Socket socket, IPEndPoint endpoint, CancellationToken token)
    {
        await socket.ConnectAsync(endpoint, token).ConfigureAwait(false);
        var reply = new byte[512];
        var receive = socket.ReceiveAsync(reply, SocketFlags.None, token).AsTask();
        while (!receive.IsCompleted)
        {
            await socket.SendAsync(Datagram, SocketFlags.None, token).ConfigureAwait(false);
            await Task.WhenAny(receive, Task.Delay(150, token)).ConfigureAwait(false);
        }
        var read = await receive.ConfigureAwait(false);
        return Encoding.UTF8.GetString(reply, 0, read).TrimEnd('\n');
    }

    private static ProbeOutcome OutcomeOf(SocketError error) => error switch
    {
        SocketError.ConnectionRefused => ProbeOutcome.Refused,
        SocketError.TimedOut => ProbeOutcome.Timeout,
        SocketError.HostUnreachable or SocketError.NetworkUnreachable or SocketError.HostDown or SocketError.NetworkDown or SocketError.AccessDenied => ProbeOutcome.Unreachable,
        _ => ProbeOutcome.Error,
    };
}
