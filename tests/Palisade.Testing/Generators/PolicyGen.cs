using CsCheck;
using k8s.Models;

namespace Palisade.Testing.Generators;

/// <summary>Generates NetworkPolicies (networking.k8s.io/v1) that are valid per Kubernetes API validation.</summary>
public static class PolicyGen
{
    /// <summary>0–maxPolicies policies in the given namespaces, named np0, np1, … per namespace.</summary>
    public static Gen<V1NetworkPolicy[]> Policies(IReadOnlyList<string> namespaces, ClusterGenOptions options)
    {
        return Policy(namespaces, options).Array[0, options.MaxPolicies].Select(policies =>
        {
            Naming.NameWithinNamespaces(policies.Select(policy => policy.Metadata), "np");
            return policies;
        });
    }

    /// <summary>One unnamed policy: random podSelector, policyTypes, ingress and egress rules.</summary>
    public static Gen<V1NetworkPolicy> Policy(IReadOnlyList<string> namespaces, ClusterGenOptions options)
    {
        return Gen.Select(
            Gen.Int[0, namespaces.Count - 1],
            LabelGen.Selector(LabelGen.PodVocabulary),
            PolicyTypes,
            RuleGen.Ingress(options),
            RuleGen.Egress(options),
            (ns, selector, types, ingress, egress) => new V1NetworkPolicy
            {
                ApiVersion = "networking.k8s.io/v1",
                Kind = "NetworkPolicy",
                Metadata = new V1ObjectMeta { NamespaceProperty = namespaces[ns] },
                Spec = new V1NetworkPolicySpec
                {
                    PodSelector = selector, PolicyTypes = types, Ingress = ingress, Egress = egress,
                },
            });
    }

    /// <summary>policyTypes: absent (most often), [Ingress], [Egress], [Ingress, Egress], and rarely [] or [Egress, Ingress].</summary>
    private static Gen<List<string>?> PolicyTypes { get; } = Gen.Frequency(
        (4, 0), (2, 1), (2, 2), (2, 3), (1, 4), (1, 5)).Select(pick => pick switch
        {
            0 => null,
            1 => ["Ingress"],
            2 => ["Egress"],
            3 => ["Ingress", "Egress"],
            4 => [],
            _ => (List<string>?)["Egress", "Ingress"],
        });
}
