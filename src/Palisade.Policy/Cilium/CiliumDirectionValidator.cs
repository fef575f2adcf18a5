using Palisade.Policy.Yaml;

namespace Palisade.Policy.Cilium;

/// <summary>The four rule kinds: peers, ports or ICMP (not both), authentication.</summary>
internal static class CiliumDirectionValidator
{
    private static readonly string[] AuthenticationModes = ["disabled", "required", "test-always-fail"];

    public static void Ingress(IngressRule rule, FieldPath path, bool hostPolicy, ProblemList problems)
    {
        CiliumPeerValidator.Validate(PeerFields.Of(rule), path, problems);
        PortsOrIcmps(rule.ToPorts?.Count ?? 0, rule.Icmps, path, problems);
        var place = new CiliumPortValidator.Place(Ingress: true, hostPolicy);
        problems.Each(rule.ToPorts, path.Field("toPorts"), (p, at, ps) => CiliumPortValidator.Validate(p, at, place, ps));
        if (rule.Authentication is { } auth) Authentication(auth, path.Field("authentication"), problems);
    }

    public static void IngressDeny(IngressDenyRule rule, FieldPath path, ProblemList problems)
    {
        CiliumPeerValidator.Validate(PeerFields.Of(rule), path, problems);
        PortsOrIcmps(rule.ToPorts?.Count ?? 0, rule.Icmps, path, problems);
        problems.Each(rule.ToPorts, path.Field("toPorts"), CiliumPortValidator.Validate);
    }

    public static void Egress(EgressRule rule, FieldPath path, bool hostPolicy, ProblemList problems)
    {
        CiliumPeerValidator.Validate(PeerFields.Of(rule), path, problems);
        PortsOrIcmps(rule.ToPorts?.Count ?? 0, rule.Icmps, path, problems);
        var place = new CiliumPortValidator.Place(Ingress: false, hostPolicy);
        problems.Each(rule.ToPorts, path.Field("toPorts"), (p, at, ps) => CiliumPortValidator.Validate(p, at, place, ps));
        if (rule.Authentication is { } auth) Authentication(auth, path.Field("authentication"), problems);
    }

    public static void EgressDeny(EgressDenyRule rule, FieldPath path, ProblemList problems)
    {
        CiliumPeerValidator.Validate(PeerFields.Of(rule), path, problems);
        PortsOrIcmps(rule.ToPorts?.Count ?? 0, rule.Icmps, path, problems);
        problems.Each(rule.ToPorts, path.Field("toPorts"), CiliumPortValidator.Validate);
    }

    private static void PortsOrIcmps(int portRules, IReadOnlyList<IcmpRule?>? icmps, FieldPath path, ProblemList problems)
    {
        if (portRules > 0 && icmps is { Count: > 0 })
        {
            problems.Error(path.Field("icmps"), "the icmps block may only be present without toPorts", "define a separate rule to use toPorts");
        }
        problems.Each(icmps, path.Field("icmps"), CiliumIcmpValidator.Validate);
    }

    private static void Authentication(CiliumAuthentication auth, FieldPath path, ProblemList problems)
    {
        switch (auth.Mode)
        {
            case null:
                problems.Error(path, "mode is required", "use disabled, required or test-always-fail");
                break;
            case "disabled":
                break;
            case "required" or "test-always-fail":
                problems.Unsupported(path.Field("mode"), $"authentication mode {auth.Mode}", "mutual authentication (SPIFFE) is not modelled",
                    "remove authentication, or use mode: disabled");
                break;
            default:
                problems.Error(path.Field("mode"), $"unsupported authentication mode \"{auth.Mode}\"", "use " + string.Join(", ", AuthenticationModes));
                break;
        }
    }
}
