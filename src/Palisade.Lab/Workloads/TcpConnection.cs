using System.Buffers;
using System.Net.Security;
using System.Net.Sockets;

namespace Palisade.Lab.Workloads;

/// <summary>
/// One accepted connection of a pod's workload. It sniffs the first bytes (for up to the sniff timeout): an HTTP/1.x
/// request line gets HTTP, a TLS ClientHello (0x16) gets HTTPS when the pod has a certificate, anything else (or
/// silence) gets the raw greeting: the pod name and a newline, then every further chunk echoed back.
/// </summary>
internal sealed class TcpConnection : IDisposable
{
    /// <summary>The read buffer of a connection, and the largest request head it accepts.</summary>
    public const int BufferSize = 8192;

    private const byte TlsHandshake = 0x16;
    private const int LongestMethod = 16;
    private readonly Socket socket;
    private readonly PodWorkload pod;
    private readonly byte[] buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
    private readonly CancellationTokenSource idle = new();

    private TcpConnection(Socket socket, PodWorkload pod)
    {
        this.socket = socket;
        this.pod = pod;
    }

    /// <summary>Serves <paramref name="socket"/> until it is done, then closes it; never throws.</summary>
    public static async Task ServeAsync(Socket socket, PodWorkload pod)
    {
        using var connection = new TcpConnection(socket, pod);
        try
        {
            await connection.ServeAsync().ConfigureAwait(false);
        }
        catch (Exception)
        {
            // A client that resets, stalls past the idle timeout or fails the TLS handshake just loses its connection.
        }
    }

    /// <summary>
    /// Whether <paramref name="first"/> starts like an HTTP request line (an upper-case method and a space); null while
    /// too few bytes have arrived to tell.
    /// </summary>
    public static bool? LooksLikeHttp(ReadOnlySpan<byte> first)
    {
        var letters = first.IndexOfAnyExceptInRange((byte)'A', (byte)'Z');
        if (letters < 0) return first.Length <= LongestMethod ? null : false;
        return letters is > 0 and <= LongestMethod && first[letters] == (byte)' ';
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        socket.Dispose();
        idle.Dispose();
        ArrayPool<byte>.Shared.Return(buffer);
    }

    private enum Traffic
    {
        Closed,
        Raw,
        Http,
        Tls,
    }

    private async Task ServeAsync()
    {
        var (buffered, traffic) = await SniffAsync().ConfigureAwait(false);
        if (traffic == Traffic.Closed) return;
        if (traffic == Traffic.Tls)
        {
            await ServeTlsAsync(pod.Tls!).ConfigureAwait(false);
            return;
        }
        using var stream = new NetworkStream(socket, ownsSocket: false);
        if (traffic == Traffic.Http) await new HttpSession(stream, buffer, buffered, pod.Responder, NextDeadline).ServeAsync().ConfigureAwait(false);
        else await EchoAsync(stream).ConfigureAwait(false);
    }

    /// <summary>
    /// What the first bytes look like, and how many were consumed (none for TLS, whose first byte is only peeked):
    /// silence until the sniff timeout, or bytes that are neither HTTP nor TLS, are raw traffic.
    /// </summary>
    private async Task<(int Buffered, Traffic Traffic)> SniffAsync()
    {
        using var sniff = new CancellationTokenSource(pod.Timeouts.Sniff);
        var buffered = 0;
        try
        {
            if (pod.Tls is not null)
            {
                var peeked = await socket.ReceiveAsync(buffer.AsMemory(0, 1), SocketFlags.Peek, sniff.Token).ConfigureAwait(false);
                if (peeked == 0) return (0, Traffic.Closed);
                if (buffer[0] == TlsHandshake) return (0, Traffic.Tls);
            }
            while (true)
            {
                var read = await socket.ReceiveAsync(buffer.AsMemory(buffered, BufferSize - buffered), SocketFlags.None, sniff.Token).ConfigureAwait(false);
                if (read == 0) return (buffered, buffered == 0 ? Traffic.Closed : Traffic.Raw);
                buffered += read;
                if (LooksLikeHttp(buffer.AsSpan(0, buffered)) is { } http) return (buffered, http ? Traffic.Http : Traffic.Raw);
            }
        }
        catch (OperationCanceledException)
        {
            return (buffered, Traffic.Raw);
        }
    }

    private async Task ServeTlsAsync(SslStreamCertificateContext certificate)
    {
        var tls = new SslStream(new NetworkStream(socket, ownsSocket: false), leaveInnerStreamOpen: false);
        await using (tls.ConfigureAwait(false))
        {
            var options = new SslServerAuthenticationOptions
            {
                ServerCertificateContext = certificate,
                ApplicationProtocols = [SslApplicationProtocol.Http11],
            };
            await tls.AuthenticateAsServerAsync(options, NextDeadline()).ConfigureAwait(false);
            await new HttpSession(tls, buffer, 0, pod.Responder, NextDeadline).ServeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The raw greeting: the pod name, then every further chunk echoed until the client closes.</summary>
    private async Task EchoAsync(NetworkStream stream)
    {
        await stream.WriteAsync(pod.Greeting, NextDeadline()).ConfigureAwait(false);
        while (true)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(0, BufferSize), NextDeadline()).ConfigureAwait(false);
            if (read == 0) return;
            await stream.WriteAsync(buffer.AsMemory(0, read), NextDeadline()).ConfigureAwait(false);
        }
    }

    /// <summary>The token of the next read or write: cancelled when it has not completed within the idle timeout.</summary>
    private CancellationToken NextDeadline()
    {
        idle.CancelAfter(pod.Timeouts.Idle);
        return idle.Token;
    }
}
