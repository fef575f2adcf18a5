using System.Globalization;

namespace Palisade.Lab.Workloads;

/// <summary>Parses the head of an HTTP/1.x request (request line and header lines, without the final blank line).</summary>
internal static class HttpRequestParser
{
    /// <summary>The parsed head, or null when it is not a well-formed HTTP/1.x request.</summary>
    public static HttpRequestHead? Parse(string head)
    {
        var lines = head.Split("\r\n");
        var parts = lines[0].Split(' ');
        if (parts.Length != 3 || !IsMethod(parts[0]) || parts[1].Length == 0 || !parts[2].StartsWith("HTTP/1.", StringComparison.Ordinal)) return null;
        var http10 = parts[2] == "HTTP/1.0";
        var request = new HttpRequestHead(parts[0], PathOf(parts[1]), 0, http10, false, false);
        foreach (var line in lines.AsSpan(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0) return null;
            request = WithHeader(request, line[..colon].Trim(), line[(colon + 1)..].Trim(), http10);
            if (request.ContentLength < 0) return null;
        }
        return request;
    }

    /// <summary>True when <paramref name="method"/> is an upper-case token, as every HTTP method a client sends.</summary>
    public static bool IsMethod(ReadOnlySpan<char> method) => method.Length is > 0 and <= 16 && !method.ContainsAnyExceptInRange('A', 'Z');

    private static HttpRequestHead WithHeader(HttpRequestHead request, string name, string value, bool http10) => name.ToLowerInvariant() switch
    {
        "content-length" => request with { ContentLength = long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var length) ? length : -1 },
        "transfer-encoding" => request with { Chunked = true },
        "connection" => request with { Close = ClosesConnection(value, http10) },
        "expect" => request with { ExpectContinue = value.Equals("100-continue", StringComparison.OrdinalIgnoreCase) },
        _ => request,
    };

    private static bool ClosesConnection(string value, bool http10) =>
        value.Contains("close", StringComparison.OrdinalIgnoreCase)
        || (http10 && !value.Contains("keep-alive", StringComparison.OrdinalIgnoreCase));

    private static string PathOf(string target)
    {
        var scheme = target.IndexOf("://", StringComparison.Ordinal);
        if (scheme > 0)
        {
            var slash = target.IndexOf('/', scheme + 3);
            target = slash < 0 ? "/" : target[slash..];
        }
        var query = target.IndexOfAny(['?', '#']);
        return query < 0 ? target : target[..query];
    }
}
