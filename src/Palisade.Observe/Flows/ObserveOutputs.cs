namespace Palisade.Observe.Flows;

/// <summary>Parsing of <c>-o</c> values.</summary>
internal static class ObserveOutputs
{
    /// <summary>The accepted <c>-o</c> values.</summary>
    public static readonly IReadOnlyList<string> Names = ["compact", "table", "json", "jsonpb", "dict"];

    /// <summary>The format named by <paramref name="name"/>; throws <see cref="ArgumentException"/> listing the accepted values.</summary>
    public static ObserveOutput Parse(string name) => name.ToLowerInvariant() switch
    {
        "compact" => ObserveOutput.Compact,
        "table" or "tab" => ObserveOutput.Table,
        "json" => ObserveOutput.Json,
        "jsonpb" => ObserveOutput.JsonPb,
        "dict" => ObserveOutput.Dict,
        _ => throw new ArgumentException($"invalid -o value \"{name}\": expected one of {string.Join(", ", Names)}", nameof(name)),
    };
}
