using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Palisade.Lab.Api;

/// <summary>Talks to a lab's controller over its Unix socket.</summary>
public static class LabApiClient
{
    /// <summary>True when a controller answers on <paramref name="socketPath"/>.</summary>
    public static bool IsListening(string socketPath)
    {
        if (!File.Exists(socketPath)) return false;
        try
        {
            using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            socket.Connect(new UnixDomainSocketEndPoint(socketPath));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>Sends <paramref name="request"/> and passes every message to <paramref name="onMessage"/>; returns the final result.</summary>
    public static async Task<ApiMessage> SendAsync(string socketPath, ApiRequest request, Action<ApiMessage> onMessage, CancellationToken ct = default)
    {
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), ct).ConfigureAwait(false);
        }
        catch (SocketException e)
        {
            throw new LabException($"the lab's controller does not answer on {socketPath} ({e.SocketErrorCode}); see `palisade lab status`, or bring the lab up again", e);
        }
        await using var stream = new NetworkStream(socket, ownsSocket: false);
        await using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { AutoFlush = true, NewLine = "\n" };
        using var reader = new StreamReader(stream, Encoding.UTF8);
        await writer.WriteLineAsync(JsonSerializer.Serialize(request, ApiJson.Options).AsMemory(), ct).ConfigureAwait(false);
        while (await reader.ReadLineAsync(ct).ConfigureAwait(false) is { } line)
        {
            var message = JsonSerializer.Deserialize<ApiMessage>(line, ApiJson.Options)!;
            if (message.Type == "result") return message;
            onMessage(message);
        }
        throw new LabException("the lab's controller closed the connection before answering; see its log in the lab's directory (`palisade lab status`)");
    }
}
