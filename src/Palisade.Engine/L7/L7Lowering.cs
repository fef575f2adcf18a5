using Palisade.Engine.Ir;
using Palisade.Policy.Cilium;

namespace Palisade.Engine.L7;

/// <summary>
/// Lowers a port rule's <c>rules</c> into the IR. Cilium counts a port rule as L7 only when its rules hold at least
/// one entry (pkg/policy/api/l4.go: <c>IsEmpty</c> is <c>Len() == 0</c>; the CRD says "If omitted or empty, no layer 7
/// rules are enforced"), so <c>http: []</c> and <c>dns: []</c> lower to no L7 rules at all, a plain L4 allow, while
/// <c>http: [{}]</c> is an L7 port whose one empty rule allows every request.
/// </summary>
public static class L7Lowering
{
    /// <summary>
    /// <see cref="HttpL7Rules"/> when <c>http</c> has entries, else <see cref="DnsL7Rules"/> when <c>dns</c> has entries,
    /// else null. Null items (reported when binding failed) are skipped, so a list of only null items lowers to rules
    /// that allow nothing. A DNS selector with both <c>matchName</c> and <c>matchPattern</c> (rejected by validation)
    /// contributes both, as Cilium's DNS proxy ORs them (GeneratePattern); one with neither contributes nothing.
    /// </summary>
    public static IrL7Rules? Lower(Palisade.Policy.Cilium.L7Rules? rules)
    {
        if (rules is null) return null;
        if (rules.Http is { Count: > 0 } http) return new HttpL7Rules([.. http.OfType<PortRuleHttp>().Select(HttpRule.From)]);
        if (rules.Dns is { Count: > 0 } dns) return new DnsL7Rules([.. dns.OfType<FqdnSelector>().SelectMany(Patterns)]);
        return null;
    }

    private static IEnumerable<DnsNamePattern> Patterns(FqdnSelector selector)
    {
        if (!string.IsNullOrEmpty(selector.MatchName)) yield return DnsNamePattern.Name(selector.MatchName);
        if (!string.IsNullOrEmpty(selector.MatchPattern)) yield return DnsNamePattern.Pattern(selector.MatchPattern);
    }
}
