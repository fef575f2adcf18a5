using CsCheck;
using k8s.Models;

namespace Palisade.Testing.Generators;

/// <summary>Generates a policy's ingress or egress rule lists.</summary>
public static class RuleGen
{
    /// <summary>Ingress rules: null, [], [{}], or 1–2 rules with random peers and ports.</summary>
    public static Gen<List<V1NetworkPolicyIngressRule>?> Ingress(ClusterGenOptions options)
    {
        var rule = Gen.Select(PeerGen.Peers(options), PortGen.Ports, (peers, ports) =>
            new V1NetworkPolicyIngressRule { FromProperty = peers, Ports = ports });
        return Rules(rule, () => new V1NetworkPolicyIngressRule());
    }

    /// <summary>Egress rules: null, [], [{}], or 1–2 rules with random peers and ports.</summary>
    public static Gen<List<V1NetworkPolicyEgressRule>?> Egress(ClusterGenOptions options)
    {
        var rule = Gen.Select(PeerGen.Peers(options), PortGen.Ports, (peers, ports) =>
            new V1NetworkPolicyEgressRule { To = peers, Ports = ports });
        return Rules(rule, () => new V1NetworkPolicyEgressRule());
    }

    private static Gen<List<T>?> Rules<T>(Gen<T> rule, Func<T> emptyRule)
    {
        return Gen.Frequency(
            (2, Gen.Const(() => (List<T>?)null)),
            (1, Gen.Const(() => (List<T>?)[])),
            (1, Gen.Const(() => (List<T>?)[emptyRule()])),
            (4, rule.Array[1, 2].Select(rules => (List<T>?)[.. rules])));
    }
}
