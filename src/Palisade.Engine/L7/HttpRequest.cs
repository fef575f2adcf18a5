namespace Palisade.Engine.L7;

/// <summary>
/// An HTTP request as an L7 rule sees it. <see cref="Path"/> is the request target as sent, query string included:
/// Envoy matches Cilium's <c>path</c> against the whole <c>:path</c> pseudo-header, so <c>/public</c> does not match
/// <c>/public?x=1</c>. <see cref="Host"/> is the authority (the <c>Host</c> header, port included when the client sent
/// one). Header names compare case-insensitively, values as written.
/// </summary>
public sealed record HttpRequest(string Method, string Path, string? Host, IReadOnlyList<KeyValuePair<string, string>> Headers)
{
    /// <summary>
    /// Builds a request from <paramref name="headers"/> written as <c>Name: value</c> or <c>Name:value</c>. The
    /// name is what precedes the first colon; spaces and tabs around the name and the value are dropped, as an HTTP
    /// parser drops them. The first <c>Host</c> header (any case) becomes <see cref="Host"/>; it stays in
    /// <see cref="Headers"/> too.
    /// </summary>
    /// <exception cref="ArgumentException">A header has no colon or an empty name.</exception>
    public static HttpRequest Parse(string method, string path, IEnumerable<string> headers)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(headers);
        var list = new List<KeyValuePair<string, string>>();
        string? host = null;
        foreach (var header in headers)
        {
            ArgumentNullException.ThrowIfNull(header, nameof(headers));
            var colon = header.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                throw new ArgumentException($"header \"{header}\" has no ':'; write it as \"Name: value\"", nameof(headers));
            }
            var name = header[..colon].Trim(' ', '\t');
            if (name.Length == 0)
            {
                throw new ArgumentException($"header \"{header}\" has no name before the ':'; write it as \"Name: value\"", nameof(headers));
            }
            var value = header[(colon + 1)..].Trim(' ', '\t');
            list.Add(new(name, value));
            if (host is null && string.Equals(name, "Host", StringComparison.OrdinalIgnoreCase)) host = value;
        }
        return new HttpRequest(method, path, host, list);
    }

    /// <summary>True when a header named <paramref name="name"/> (any case) is present, whatever its value.</summary>
    public bool HasHeader(string name)
    {
        foreach (var (key, _) in Headers)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    /// <summary>
    /// The value of header <paramref name="name"/> (any case) as Envoy's header matchers see it: null when absent,
    /// the values of repeated headers joined with <c>,</c> in request order.
    /// </summary>
    public string? HeaderValue(string name)
    {
        string? result = null;
        foreach (var (key, value) in Headers)
        {
            if (!string.Equals(key, name, StringComparison.OrdinalIgnoreCase)) continue;
            result = result is null ? value : result + "," + value;
        }
        return result;
    }

    /// <inheritdoc/>
    public override string ToString()
    {
        var text = $"{Method} {Path}";
        return Headers.Count == 0 ? text : $"{text} [{string.Join(", ", Headers.Select(h => $"{h.Key}: {h.Value}"))}]";
    }
}
