using System.Text.RegularExpressions;
using Palisade.Policy.Binding;
using Palisade.Policy.Yaml;

namespace Palisade.Policy.Cilium;

/// <summary>
/// <c>rules</c> of an allow rule's port rule: one L7 type (HTTP or DNS), DNS only on egress with an explicit port,
/// no HTTP on host policies, and no protocols that Cilium removed.
/// </summary>
internal static class CiliumL7Validator
{
    private static readonly string[] MismatchActions = ["LOG", "ADD", "DELETE", "REPLACE"];

    /// <summary>Checks <paramref name="rules"/> of a port rule that lists <paramref name="portCount"/> ports.</summary>
    public static void Validate(L7Rules rules, int portCount, FieldPath path, CiliumPortValidator.Place place, ProblemList problems)
    {
        if (rules.Http is not null && rules.Dns is not null)
        {
            problems.Error(path, "multiple L7 protocol rule types specified in a single rule", "use one L7 protocol per port rule: split http and dns into two toPorts entries");
        }
        Placement(rules, path, place, problems);
        if (rules.Dns is not null && portCount == 0) problems.Error(path.Field("dns"), "port 53 must be specified for DNS rules", "add ports: [{port: \"53\", protocol: ANY}]");
        Removed(rules, path, problems);
        problems.Each(rules.Http, path.Field("http"), Http);
        problems.Each(rules.Dns, path.Field("dns"), FqdnValidator.Validate);
    }

    private static void Placement(L7Rules rules, FieldPath path, CiliumPortValidator.Place place, ProblemList problems)
    {
        var http = rules.Http is { Count: > 0 };
        var dns = rules.Dns is { Count: > 0 };
        if (place.Ingress && dns) problems.Error(path.Field("dns"), "DNS rules are not allowed on ingress", "DNS rules belong in egress rules, on the way to the DNS server");
        if (place.HostPolicy && place.Ingress && (http || dns))
        {
            problems.Error(path, "L7 policy is not supported on host ingress", "host policies (nodeSelector) match L3/L4 only; drop rules");
        }
        if (place.HostPolicy && !place.Ingress && http)
        {
            problems.Error(path.Field("http"), "L7 protocol HTTP is not supported on host egress", "host policies (nodeSelector) may use only DNS rules on egress");
        }
    }

    private static void Removed(L7Rules rules, FieldPath path, ProblemList problems)
    {
        if (rules.Kafka is not null) problems.Error(path.Field("kafka"), "Kafka L7 rules were removed from Cilium in 1.20", "allow the Kafka port at L4, without rules");
        const string Generic = "generic L7 parsers (l7proto) were removed from Cilium in 1.20";
        if (rules.L7Proto is not null) problems.Error(path.Field("l7proto"), Generic, "allow the port at L4, without rules");
        if (rules.L7 is not null) problems.Error(path.Field("l7"), Generic, "allow the port at L4, without rules");
    }

    private static void Http(PortRuleHttp rule, FieldPath path, ProblemList problems)
    {
        RegexField(rule.Method, path.Field("method"), problems);
        RegexField(rule.Path, path.Field("path"), problems);
        RegexField(rule.Host, path.Field("host"), problems);
        problems.Each(rule.HeaderMatches, path.Field("headerMatches"), HeaderMatch);
    }

    /// <summary>
    /// Cilium documents these as extended POSIX regular expressions (the proxy compiles them with RE2); .NET's
    /// syntax is a close superset, so a pattern that does not compile here is reported as invalid.
    /// </summary>
    private static void RegexField(string? pattern, FieldPath path, ProblemList problems)
    {
        if (pattern is null) return;
        try
        {
            _ = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException ex)
        {
            problems.Error(path, $"invalid regular expression \"{pattern}\": {ex.Message}", "escape special characters such as ( [ { * + ? with a backslash");
        }
    }

    private static void HeaderMatch(HeaderMatch match, FieldPath path, ProblemList problems)
    {
        if (string.IsNullOrEmpty(match.Name)) problems.Error(match.Name is null ? path : path.Field("name"), "name is required", "give the header name");
        if (match.Secret is not null)
        {
            problems.Unsupported(path.Field("secret"), "secret", "it does not read Secrets", "give the expected value in value");
        }
        if (match.Mismatch is { } action && !MismatchActions.Contains(action))
        {
            var s = Suggest.Closest(action, MismatchActions);
            problems.Error(path.Field("mismatch"), $"unsupported mismatch action \"{action}\"", s is null ? "use LOG, ADD, DELETE or REPLACE" : $"did you mean \"{s}\"? (upper case)");
        }
    }
}
