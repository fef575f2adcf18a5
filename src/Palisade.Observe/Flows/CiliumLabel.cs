namespace Palisade.Observe.Flows;

/// <summary>A Cilium label <c>source:key=value</c> (e.g. <c>k8s:app=web</c>, <c>reserved:world</c>).</summary>
/// <param name="Source">The source prefix; <c>unspec</c> when the text has none.</param>
/// <param name="Key">The key.</param>
/// <param name="Value">The value; empty when the text has no <c>=</c>.</param>
internal readonly record struct CiliumLabel(string Source, string Key, string Value)
{
    /// <summary>The source Cilium gives a label written without one.</summary>
    public const string UnspecifiedSource = "unspec";

    /// <summary>The source that matches every source.</summary>
    public const string AnySource = "any";

    /// <summary>Parses a label as Cilium's ParseLabel: the source ends at the first colon before any <c>=</c>.</summary>
    public static CiliumLabel Parse(string text)
    {
        var eq = text.IndexOf('=', StringComparison.Ordinal);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var source = UnspecifiedSource;
        if (colon >= 0 && (eq < 0 || colon < eq))
        {
            source = text[..colon];
            text = text[(colon + 1)..];
            eq = text.IndexOf('=', StringComparison.Ordinal);
        }
        return eq < 0 ? new CiliumLabel(source, text, "") : new CiliumLabel(source, text[..eq], text[(eq + 1)..]);
    }
}
