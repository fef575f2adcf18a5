namespace Palisade.Lab.Api;

/// <summary>
/// One line the controller sends back: <c>progress</c> (for a progress display), <c>line</c> (a result line to print,
/// as kubectl prints "pod/x created"), or the final <c>result</c> (ok, or the error to show).
/// </summary>
public sealed record ApiMessage(string Type, string? Text = null, bool Ok = true, int? Done = null, int? Total = null)
{
    /// <summary>A progress message ("creating pods", 12 of 40).</summary>
    public static ApiMessage Progress(string text, int done, int total) => new("progress", text, Done: done, Total: total);

    /// <summary>A line of the result.</summary>
    public static ApiMessage Line(string text) => new("line", text);

    /// <summary>The final message.</summary>
    public static ApiMessage Result(bool ok, string? error = null) => new("result", error, ok);
}
