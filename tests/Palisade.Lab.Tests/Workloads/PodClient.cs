using System.Net;
using System.Net.Sockets;
using System.Text;
using Palisade.Lab.Netns;

namespace Palisade.Lab.Tests.Workloads;

/// <summary>A test client of a pod's workload: a TCP connection made inside a namespace, with HTTP and raw helpers.</summary>
internal sealed class PodClient : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly Socket socket;
    private readonly byte[] buffer = new byte[65536];
    private int buffered;

    private PodClient(Socket socket) => this.socket = socket;

    /// <summary>Connects from namespace <paramref name="netns"/> to <paramref name="address"/>:<paramref name="port"/>.</summary>
    public static async Task<PodClient> ConnectAsync(string netns, string address, int port)
    {
        var socket = NetworkNamespace.CreateSocket(netns, AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(IPAddress.Parse(address), port);
        return new PodClient(socket);
    }

    /// <summary>Sends one HTTP request and reads its response.</summary>
    public async Task<HttpAnswer> RequestAsync(string method, string path, string? body = null, string extraHeaders = "")
    {
        var content = body is null ? "" : $"Content-Length: {Encoding.UTF8.GetByteCount(body)}\r\n";
        await SendAsync($"{method} {path} HTTP/1.1\r\nHost: pod\r\n{content}{extraHeaders}\r\n{body}");
        return await ReadResponseAsync(withBody: method != "HEAD");
    }

    /// <summary>Sends text as it is.</summary>
    public Task SendAsync(string text) => socket.SendAsync(Encoding.UTF8.GetBytes(text));

    /// <summary>Reads an HTTP response (head, then Content-Length bytes of body unless <paramref name="withBody"/> is false).</summary>
    public async Task<HttpAnswer> ReadResponseAsync(bool withBody = true)
    {
        int headEnd;
        while ((headEnd = buffer.AsSpan(0, buffered).IndexOf("\r\n\r\n"u8)) < 0) await FillAsync();
        var head = Encoding.ASCII.GetString(buffer, 0, headEnd);
        var length = withBody ? HeaderLength(head) : 0;
        while (buffered < headEnd + 4 + length) await FillAsync();
        var body = Encoding.UTF8.GetString(buffer, headEnd + 4, length);
        Consume(headEnd + 4 + length);
        return new HttpAnswer(int.Parse(head.Split(' ')[1]), head, body);
    }

    /// <summary>Reads until at least <paramref name="count"/> bytes arrived, and returns them as text.</summary>
    public async Task<string> ReadAsync(int count)
    {
        while (buffered < count) await FillAsync();
        var text = Encoding.UTF8.GetString(buffer, 0, count);
        Consume(count);
        return text;
    }

    /// <summary>True when the server closes the connection (or resets it) within the patience of a test.</summary>
    public async Task<bool> IsClosedByServerAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        try
        {
            return await socket.ReceiveAsync(buffer.AsMemory(buffered), SocketFlags.None, timeout.Token) == 0;
        }
        catch (SocketException)
        {
            return true;
        }
    }

    /// <inheritdoc/>
    public void Dispose() => socket.Dispose();

    private async Task FillAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        var read = await socket.ReceiveAsync(buffer.AsMemory(buffered), SocketFlags.None, timeout.Token);
        if (read == 0) throw new IOException($"the server closed the connection after {Encoding.UTF8.GetString(buffer, 0, buffered)}");
        buffered += read;
    }

    private void Consume(int count)
    {
        buffer.AsSpan(count, buffered - count).CopyTo(buffer);
        buffered -= count;
    }

    private static int HeaderLength(string head)
    {
        var line = head.Split("\r\n").First(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
        return int.Parse(line["Content-Length:".Length..].Trim());
    }
}
