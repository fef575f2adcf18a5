using Palisade.Engine.Ir;
using Palisade.Engine.L7;

namespace Palisade.Engine.Verdicts;

/// <summary>
/// The L7 part of one side's verdict: the port is redirected to the HTTP or DNS proxy, with the rules that apply to
/// this peer and port; when the flow carries a request, whether the proxy forwards it (HTTP 403 / DNS REFUSED when not).
/// </summary>
/// <param name="Protocol"><c>HTTP</c> or <c>DNS</c>.</param>
/// <param name="Rules">The allowing rules that carry L7 rules of that protocol.</param>
/// <param name="AllowsEverything">
/// True when an L4-only rule also allows this peer and port: as in Cilium, it makes the L7 rules moot (every request is
/// forwarded), though the port is still redirected.
/// </param>
/// <param name="RequestAllowed">The decision for the flow's request; null when the flow carried none of this protocol.</param>
/// <param name="Request">The request as text, or null.</param>
/// <param name="MatchedBy">The rule that let the request through, or null.</param>
public sealed record L7Verdict(string Protocol, IReadOnlyList<RuleHit> Rules, bool AllowsEverything, bool? RequestAllowed, string? Request, RuleHit? MatchedBy)
{
    /// <summary>One line: the redirect and, when there was a request, its fate.</summary>
    public string Explain()
    {
        var redirect = $"redirected to the {Protocol} proxy ({string.Join("; ", Rules.Select(r => $"{r.Policy} {r.Rule}: {r.L7}"))})";
        if (RequestAllowed is null) return AllowsEverything ? redirect + "; an L4-only rule allows every request" : redirect;
        var denied = Protocol == "HTTP" ? "403 Access denied" : "REFUSED";
        return RequestAllowed.Value
            ? $"{redirect}; {Request} forwarded ({(MatchedBy is not null ? $"matches {MatchedBy.Policy} {MatchedBy.Rule}" : "an L4-only rule allows every request")})"
            : $"{redirect}; {Request} denied: {denied} (no {Protocol} rule matches)";
    }

    /// <summary>
    /// The L7 verdict of a side that an allow group decided with <paramref name="hits"/>, or null when no hit carries L7
    /// rules. Rules of the same protocol for the port and peer combine as OR.
    /// </summary>
    public static L7Verdict? Decide(IReadOnlyList<RuleHit> hits, FlowQuery flow)
    {
        var l7 = hits.Where(h => h.L7 is not null).ToList();
        if (l7.Count == 0) return null;
        var protocol = l7[0].L7 is DnsL7Rules ? "DNS" : "HTTP";
        var sameProtocol = l7.Where(h => (h.L7 is DnsL7Rules) == (protocol == "DNS")).ToList();
        var moot = hits.Any(h => h.L7 is null);
        string? request = protocol == "DNS" ? flow.Dns?.ToString() : flow.Http?.ToString();
        if (request is null) return new L7Verdict(protocol, sameProtocol, moot, null, null, null);
        var matchedBy = sameProtocol.FirstOrDefault(h => h.L7 switch
        {
            HttpL7Rules http => http.Allows(flow.Http!),
            DnsL7Rules dns => dns.Allows(flow.Dns!),
            _ => false,
        });
        return new L7Verdict(protocol, sameProtocol, moot, moot || matchedBy is not null, request, matchedBy);
    }
}
