using System.Text;

namespace Palisade.Lab.Workloads;

/// <summary>An HTTP answer of the workload: status, content type and body (text).</summary>
internal sealed record HttpReply(int Status, string ContentType, string Body)
{
    private const string Text = "text/plain; charset=utf-8";

    /// <summary>A text/plain answer.</summary>
    public static HttpReply Plain(int status, string body) => new(status, Text, body);

    /// <summary>The answer to a request the workload cannot read (e.g. 400, 431, 501); the connection closes after it.</summary>
    public static HttpReply Error(int status) => Plain(status, ReasonOf(status) + "\n");

    /// <summary>The bytes on the wire: status line, headers (Server, X-Pod-Name, Content-Type, Content-Length, Connection) and body.</summary>
    public byte[] Encode(string podName, bool close, bool withBody)
    {
        var body = Encoding.UTF8.GetBytes(Body);
        var head = new StringBuilder()
            .Append("HTTP/1.1 ").Append(Status).Append(' ').Append(ReasonOf(Status)).Append("\r\n")
            .Append("Server: palisade-lab\r\n")
            .Append("X-Pod-Name: ").Append(podName).Append("\r\n")
            .Append("Content-Type: ").Append(ContentType).Append("\r\n")
            .Append("Content-Length: ").Append(body.Length).Append("\r\n")
            .Append("Connection: ").Append(close ? "close" : "keep-alive").Append("\r\n\r\n")
            .ToString();
        var bytes = Encoding.ASCII.GetBytes(head);
        return withBody ? [.. bytes, .. body] : bytes;
    }

    private static string ReasonOf(int status) => status switch
    {
        200 => "OK",
        400 => "Bad Request",
        404 => "Not Found",
        431 => "Request Header Fields Too Large",
        501 => "Not Implemented",
        503 => "Service Unavailable",
        _ => "Status " + status,
    };
}
