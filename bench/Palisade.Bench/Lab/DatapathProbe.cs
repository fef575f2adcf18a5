namespace Palisade.Bench.Lab;

/// <summary>One client run: dp-rr <paramref name="Mode"/> (crr, rr, stream) from the client on the same node or across nodes.</summary>
internal sealed record DatapathProbe(string Mode, bool AcrossNodes)
{
    /// <summary>"same node" or "across nodes".</summary>
    public string Path => AcrossNodes ? "across nodes" : "same node";

    /// <summary>New connections, same node then across nodes.</summary>
    public static IReadOnlyList<DatapathProbe> Connections { get; } = [new("crr", false), new("crr", true)];

    /// <summary>One connection's request/response and single-stream throughput, same node and across nodes.</summary>
    public static IReadOnlyList<DatapathProbe> Established { get; } = [new("rr", false), new("rr", true), new("stream", false), new("stream", true)];
}
