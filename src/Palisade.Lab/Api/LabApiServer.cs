using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Palisade.Lab.Api;

/// <summary>
/// The controller's local API: a Unix socket in the lab's directory, readable and writable by its owner only (root).
/// Each connection carries one request line and gets back message lines until the final <c>result</c>. Requests are
/// handled one at a time, in arrival order.
/// </summary>
public sealed class LabApiServer : IAsyncDisposable
{
    private readonly Socket listener;
    private readonly string path;
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;

    private LabApiServer(string path, Socket listener, Func<ApiRequest, Func<ApiMessage, Task>, CancellationToken, Task> handler)
    {
        this.path = path;
        this.listener = listener;
        loop = AcceptLoopAsync(handler);
    }

    /// <summary>Listens on <paramref name="path"/> (replacing a stale socket file) with mode 0600.</summary>
    public static LabApiServer Start(string path, Func<ApiRequest, Func<ApiMessage, Task>, CancellationToken, Task> handler)
    {
        File.Delete(path);
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(path));
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        socket.Listen(16);
        return new LabApiServer(path, socket, handler);
    }

    private async Task AcceptLoopAsync(Func<ApiRequest, Func<ApiMessage, Task>, CancellationToken, Task> handler)
    {
        var gate = new SemaphoreSlim(1, 1);
        while (!stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptAsync(stop.Token).ConfigureAwait(false);
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
                return;
            }
            _ = ServeAsync(client, handler, gate);
        }
    }

    private async Task ServeAsync(Socket client, Func<ApiRequest, Func<ApiMessage, Task>, CancellationToken, Task> handler, SemaphoreSlim gate)
    {
        using var _ = client;
        await using var stream = new NetworkStream(client, ownsSocket: false);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        await using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { AutoFlush = true, NewLine = "\n" };
        // The controller emits progress from parallel work: one line at a time, or two messages could share a line.
        using var writing = new SemaphoreSlim(1, 1);
        async Task Send(ApiMessage m)
        {
            await writing.WaitAsync().ConfigureAwait(false);
            try
            {
                await writer.WriteLineAsync(JsonSerializer.Serialize(m, ApiJson.Options)).ConfigureAwait(false);
            }
            catch (IOException)
            {
                // the client went away; the request still completes
            }
            finally
            {
                writing.Release();
            }
        }
        var line = await reader.ReadLineAsync().ConfigureAwait(false);
        if (line is null) return;
        await gate.WaitAsync().ConfigureAwait(false);
        try
        {
            var request = JsonSerializer.Deserialize<ApiRequest>(line, ApiJson.Options) ?? throw new LabException("empty request");
            await handler(request, Send, stop.Token).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            await Send(ApiMessage.Result(false, e is LabException ? e.Message : $"{e.GetType().Name}: {e.Message}")).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync().ConfigureAwait(false);
        listener.Dispose();
        try
        {
            await loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        File.Delete(path);
        stop.Dispose();
    }
}
