using System.Text;

namespace Palisade.Lab.Workloads;

/// <summary>
/// Serves HTTP/1.1 requests on one connection until the client closes or asks to: keep-alive, bodies skipped by
/// Content-Length, <c>Expect: 100-continue</c> answered. A request head must fit <paramref name="buffer"/> (else 431);
/// <paramref name="buffered"/> bytes already read (by the sniffer) are the start of the first request.
/// </summary>
internal sealed class HttpSession(Stream stream, byte[] buffer, int buffered, WorkloadResponder responder, Func<CancellationToken> idle)
{
    private static readonly byte[] HeadEnd = "\r\n\r\n"u8.ToArray();
    private static readonly byte[] Continue = "HTTP/1.1 100 Continue\r\n\r\n"u8.ToArray();
    private int start;
    private int end = buffered;

    /// <summary>Answers requests until the connection is done.</summary>
    public async Task ServeAsync()
    {
        while (await ServeOneAsync().ConfigureAwait(false))
        {
        }
    }

    private async Task<bool> ServeOneAsync()
    {
        var headLength = await ReadHeadAsync().ConfigureAwait(false);
        if (headLength == 0) return false;
        if (headLength < 0) return await ReplyAsync(HttpReply.Error(431), close: true, withBody: true).ConfigureAwait(false);
        var request = HttpRequestParser.Parse(Encoding.Latin1.GetString(buffer, start, headLength - HeadEnd.Length));
        start += headLength;
        if (request is null) return await ReplyAsync(HttpReply.Error(400), close: true, withBody: true).ConfigureAwait(false);
        if (request.Chunked) return await ReplyAsync(HttpReply.Error(501), close: true, withBody: true).ConfigureAwait(false);
        if (request.ExpectContinue && request.ContentLength > 0) await stream.WriteAsync(Continue, idle()).ConfigureAwait(false);
        if (!await SkipBodyAsync(request.ContentLength).ConfigureAwait(false)) return false;
        return await ReplyAsync(responder.Answer(request), request.Close, !request.IsHead).ConfigureAwait(false);
    }

    /// <summary>Writes the reply; true when the connection stays open for another request.</summary>
    private async Task<bool> ReplyAsync(HttpReply reply, bool close, bool withBody)
    {
        await stream.WriteAsync(reply.Encode(responder.PodName, close, withBody), idle()).ConfigureAwait(false);
        await stream.FlushAsync(idle()).ConfigureAwait(false);
        return !close;
    }

    /// <summary>The length of the next request head including its blank line; 0 when the client closed, -1 when too large.</summary>
    private async Task<int> ReadHeadAsync()
    {
        while (true)
        {
            var at = buffer.AsSpan(start, end - start).IndexOf(HeadEnd);
            if (at >= 0) return at + HeadEnd.Length;
            Compact();
            if (end == buffer.Length) return -1;
            var read = await stream.ReadAsync(buffer.AsMemory(end), idle()).ConfigureAwait(false);
            if (read == 0) return 0;
            end += read;
        }
    }

    /// <summary>Reads and drops <paramref name="length"/> body bytes; false when the client closed first.</summary>
    private async Task<bool> SkipBodyAsync(long length)
    {
        var fromBuffer = (int)Math.Min(length, end - start);
        start += fromBuffer;
        length -= fromBuffer;
        while (length > 0)
        {
            Compact();
            var read = await stream.ReadAsync(buffer.AsMemory(0, (int)Math.Min(length, buffer.Length)), idle()).ConfigureAwait(false);
            if (read == 0) return false;
            length -= read;
        }
        return true;
    }

    private void Compact()
    {
        if (start == 0) return;
        buffer.AsSpan(start, end - start).CopyTo(buffer);
        end -= start;
        start = 0;
    }
}
