using Palisade.Engine.L7;

namespace Palisade.Engine.Ir;

/// <summary>
/// HTTP rules of a port (Cilium <c>rules.http</c>): traffic to the port goes through the proxy, and a request is
/// allowed when it matches at least one rule. Equality is by reference, as for other IR records holding lists.
/// </summary>
public sealed record HttpL7Rules(IReadOnlyList<HttpRule> Rules) : IrL7Rules
{
    /// <summary>True when <paramref name="request"/> matches at least one rule.</summary>
    public bool Allows(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        foreach (var rule in Rules)
        {
            if (rule.Matches(request)) return true;
        }
        return false;
    }

    /// <summary>The rules, e.g. <c>http: [GET /public/.*; POST /v1/request-landing]</c>.</summary>
    public override string ToString() => Rules.Count == 0 ? "http: [] (no request allowed)" : $"http: [{string.Join("; ", Rules)}]";
}

/// <summary>
/// DNS rules of a port (Cilium <c>rules.dns</c>): queries go through the DNS proxy, which allows a query whose name
/// matches at least one pattern and learns the answers for toFQDNs. Equality is by reference.
/// </summary>
public sealed record DnsL7Rules(IReadOnlyList<DnsNamePattern> Rules) : IrL7Rules
{
    /// <summary>True when the name of <paramref name="query"/> matches at least one pattern.</summary>
    public bool Allows(DnsQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        foreach (var rule in Rules)
        {
            if (rule.Matches(query.Name)) return true;
        }
        return false;
    }

    /// <summary>The patterns, e.g. <c>dns: [matchName: api.github.com; matchPattern: *.github.com]</c>.</summary>
    public override string ToString() => Rules.Count == 0 ? "dns: [] (no query allowed)" : $"dns: [{string.Join("; ", Rules)}]";
}
