using CsCheck;
using k8s.Models;

namespace Palisade.Testing.Generators;

/// <summary>Generates <c>from</c>/<c>to</c> peer lists: selectors (pod, namespace, both) and ipBlocks.</summary>
public static class PeerGen
{
    /// <summary>CIDRs with host bits set: valid, but rejected under the StrictIPCIDRValidation feature gate.</summary>
    private static readonly HashSet<string> NonCanonical = ["10.0.0.5/24", "10.0.0.10/28"];

    /// <summary>ipBlock CIDRs with the excepts that are strict subsets of each (so validation accepts them).</summary>
    private static readonly (string Cidr, string[] Excepts)[] Blocks =
    [
        ("10.0.0.0/24", ["10.0.0.0/28", "10.0.0.64/26", "10.0.0.128/26", "10.0.0.200/29", "10.0.0.10/28"]),
        ("10.0.0.5/24", ["10.0.0.0/28", "10.0.0.64/26", "10.0.0.128/25"]),
        ("10.0.0.0/25", ["10.0.0.0/28", "10.0.0.64/26", "10.0.0.10/28"]),
        ("10.0.0.128/25", ["10.0.0.128/26", "10.0.0.200/29"]),
        ("10.0.1.0/24", ["10.0.1.0/25"]),
        ("0.0.0.0/0", ["10.0.0.0/24", "10.0.1.0/24", "10.0.0.64/26", "172.18.0.0/24"]),
        ("10.0.0.0/16", ["10.0.1.0/24", "10.0.0.128/25"]),
        ("172.18.0.0/24", ["172.18.0.0/25"]),
        ("10.0.0.1/32", []),
    ];

    /// <summary>A peers list: null, [], or 1–2 peers.</summary>
    public static Gen<List<V1NetworkPolicyPeer>?> Peers(ClusterGenOptions options)
    {
        return Gen.Frequency(
            (1, Gen.Const(() => (List<V1NetworkPolicyPeer>?)null)),
            (1, Gen.Const(() => (List<V1NetworkPolicyPeer>?)[])),
            (4, Peer(options).Array[1, 2].Select(peers => (List<V1NetworkPolicyPeer>?)[.. peers])));
    }

    /// <summary>One peer: podSelector only, namespaceSelector only, both, or an ipBlock.</summary>
    public static Gen<V1NetworkPolicyPeer> Peer(ClusterGenOptions options)
    {
        var pods = LabelGen.Selector(LabelGen.PodVocabulary);
        var namespaces = LabelGen.Selector(LabelGen.NamespaceSelectorVocabulary);
        return Gen.Frequency(
            (3, pods.Select(selector => new V1NetworkPolicyPeer { PodSelector = selector })),
            (2, namespaces.Select(selector => new V1NetworkPolicyPeer { NamespaceSelector = selector })),
            (2, Gen.Select(pods, namespaces, (pod, ns) =>
                new V1NetworkPolicyPeer { PodSelector = pod, NamespaceSelector = ns })),
            (3, IpBlock(options).Select(block => new V1NetworkPolicyPeer { IpBlock = block })));
    }

    /// <summary>An ipBlock from the table, with 0–2 distinct excepts that are strict subsets of its CIDR.</summary>
    public static Gen<V1IPBlock> IpBlock(ClusterGenOptions options)
    {
        var blocks = Blocks
            .Where(block => options.NonCanonicalCidrs || !NonCanonical.Contains(block.Cidr))
            .Select(block => (block.Cidr, Excepts: block.Excepts
                .Where(except => options.NonCanonicalCidrs || !NonCanonical.Contains(except)).ToArray()))
            .ToArray();
        return Gen.Select(Gen.Int[0, blocks.Length - 1], Gen.Int[0, 99].Array[0, 2], (index, picks) =>
            Block(blocks[index].Cidr, blocks[index].Excepts, picks));
    }

    private static V1IPBlock Block(string cidr, string[] candidates, int[] picks)
    {
        var excepts = candidates.Length == 0
            ? []
            : picks.Select(pick => candidates[pick % candidates.Length]).Distinct().ToList();
        return new V1IPBlock { Cidr = cidr, Except = excepts.Count > 0 ? excepts : null };
    }
}
