namespace Palisade.Lab.Workloads;

/// <summary>
/// The head of an HTTP/1.x request as the workload needs it: method, path (query and scheme/authority stripped), body
/// length, and whether the connection ends after the answer.
/// </summary>
internal sealed record HttpRequestHead(
    string Method,
    string Path,
    long ContentLength,
    bool Close,
    bool ExpectContinue,
    bool Chunked)
{
    /// <summary>True for HEAD, whose answer has headers but no body.</summary>
    public bool IsHead => Method == "HEAD";
}
