namespace Palisade.Policy.Cilium;

/// <summary>One entry of a rule's <c>labels</c> (Cilium's <c>LabelArray</c> serialises labels as objects).</summary>
public sealed record CiliumLabel
{
    /// <summary>The key; required.</summary>
    public string? Key { get; init; }

    /// <summary>The value; may be empty.</summary>
    public string? Value { get; init; }

    /// <summary>Where the label comes from, e.g. <c>k8s</c> or <c>unspec</c>.</summary>
    public string? Source { get; init; }
}
