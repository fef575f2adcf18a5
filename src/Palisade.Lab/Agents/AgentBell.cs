using System.Net.Sockets;

namespace Palisade.Lab.Agents;

/// <summary>
/// Wakes a node agent when the state changed: a Unix datagram socket in the lab's directory that the agent listens on
/// and the controller rings after raising the generation. A lost ring costs at most the agent's poll interval.
/// </summary>
internal sealed class AgentBell : IDisposable
{
    private readonly Socket socket;
    private readonly string path;

    private AgentBell(Socket socket, string path) => (this.socket, this.path) = (socket, path);

    /// <summary>Listens at <paramref name="path"/> (replacing a socket file a dead agent left).</summary>
    public static AgentBell Listen(string path)
    {
        File.Delete(path);
        var socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(path));
        return new AgentBell(socket, path);
    }

    /// <summary>Waits for a ring, at most <paramref name="timeout"/>; reads every ring that queued up meanwhile.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken ct)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout);
        var buffer = new byte[16];
        try
        {
            await socket.ReceiveAsync(buffer, SocketFlags.None, limit.Token).ConfigureAwait(false);
            while (socket.Available > 0) socket.Receive(buffer);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
        }
    }

    /// <summary>Rings the agent listening at <paramref name="path"/>; nothing happens when none listens.</summary>
    public static void Ring(string path)
    {
        using var socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        try
        {
            socket.SendTo([1], new UnixDomainSocketEndPoint(path));
        }
        catch (SocketException)
        {
            // no agent listens yet: it syncs when it starts
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        socket.Dispose();
        File.Delete(path);
    }
}
