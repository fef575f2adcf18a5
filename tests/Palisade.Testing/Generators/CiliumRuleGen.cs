using CsCheck;
using k8s.Models;
using Palisade.Testing.Oracle;

namespace Palisade.Testing.Generators;

/// <summary>
/// Items of Cilium ingress/ingressDeny/egress/egressDeny lists: one L3 member (endpoints, entities, CIDR, CIDR set)
/// or none, with or without toPorts; and the lists themselves (absent, [], [{}], or 1–2 items).
/// </summary>
public static class CiliumRuleGen
{
    /// <summary>Entities: the four the oracle distinguishes often, the ones that match nothing rarely.</summary>
    private static readonly Gen<string> Entity = Gen.Frequency(
        (3, Gen.Const("all")), (3, Gen.Const("cluster")), (3, Gen.Const("world")), (3, Gen.Const("host")),
        (1, Gen.OneOf("health", "init", "unmanaged", "remote-node", "kube-apiserver", "ingress", "none")));

    /// <summary>fromCIDR/toCIDR entries around the pod and outside addresses (one bare address).</summary>
    private static readonly string[] Cidrs =
    [
        "10.0.0.0/24", "10.0.0.0/25", "10.0.0.128/25", "10.0.1.0/24", "10.0.0.0/16", "0.0.0.0/0", "172.18.0.0/24",
        "8.8.8.8/32", "8.8.8.8", "10.0.0.64/26", "10.0.0.3/32", "10.0.2.0/24",
    ];

    /// <summary>CIDR sets with candidate excepts strictly inside each.</summary>
    private static readonly (string Cidr, string[] Excepts)[] CidrSets =
    [
        ("10.0.0.0/24", ["10.0.0.0/28", "10.0.0.64/26", "10.0.0.128/26", "10.0.0.200/29"]),
        ("10.0.0.0/25", ["10.0.0.0/28", "10.0.0.64/26"]),
        ("10.0.0.128/25", ["10.0.0.128/26", "10.0.0.200/29"]),
        ("10.0.1.0/24", ["10.0.1.0/25"]),
        ("0.0.0.0/0", ["10.0.0.0/24", "10.0.1.0/24", "10.0.0.64/26", "172.18.0.0/24", "8.8.8.0/24"]),
        ("10.0.0.0/16", ["10.0.1.0/24", "10.0.0.128/25"]),
        ("172.18.0.0/24", ["172.18.0.0/25"]),
        ("8.0.0.0/8", []),
    ];

    private static readonly string[] Names = ["http", "dns", "metrics", "sctp", "http-alt", "nope"];

    /// <summary>An allow list (null, [], [{}] or 1–2 items).</summary>
    public static Gen<List<CiliumOraclePeerRule>?> AllowList { get; } = List(Item, absentWeight: 3);

    /// <summary>A deny list: absent more often than an allow list, so that deny does not swamp the rest.</summary>
    public static Gen<List<CiliumOraclePeerRule>?> DenyList { get; } = List(Item, absentWeight: 10);

    /// <summary>One list item: an L3 member (or none) and toPorts (or none).</summary>
    public static Gen<CiliumOraclePeerRule> Item => Gen.Select(L3, ToPorts, (l3, ports) => l3 with { ToPorts = ports });

    private static Gen<CiliumOraclePeerRule> L3 => Gen.Frequency(
        (3, Gen.Const(() => new CiliumOraclePeerRule())),
        (1, Gen.Const(() => new CiliumOraclePeerRule(Endpoints: []))),
        (1, Gen.Const(() => new CiliumOraclePeerRule(Endpoints: [new V1LabelSelector()]))),
        (5, CiliumSelectorGen.Peer.Array[1, 2].Select(selectors => new CiliumOraclePeerRule(Endpoints: selectors))),
        (4, Entity.Array[1, 2].Select(entities => new CiliumOraclePeerRule(Entities: entities.Distinct().ToList()))),
        (2, Gen.OneOf(Cidrs).Array[1, 2].Select(cidrs => new CiliumOraclePeerRule(Cidrs: cidrs.Distinct().ToList()))),
        (2, CidrSet.Array[1, 2].Select(sets => new CiliumOraclePeerRule(CidrSets: sets))));

    private static Gen<CiliumOracleCidrSet> CidrSet => Gen.Select(Gen.Int[0, CidrSets.Length - 1], Gen.Int[0, 99].Array[0, 2], (index, picks) =>
    {
        var (cidr, candidates) = CidrSets[index];
        var excepts = candidates.Length == 0 ? [] : picks.Select(pick => candidates[pick % candidates.Length]).Distinct().ToList();
        return new CiliumOracleCidrSet(cidr, excepts);
    });

    /// <summary>toPorts: absent, or 1–2 entries of 1–3 ports.</summary>
    private static Gen<List<CiliumOraclePortRule>?> ToPorts => Gen.Frequency(
        (4, Gen.Const(() => (List<CiliumOraclePortRule>?)null)),
        (5, Port.Array[1, 3].Select(ports => new CiliumOraclePortRule(ports)).Array[1, 2].Select(rules => (List<CiliumOraclePortRule>?)[.. rules])));

    /// <summary>A port: numeric ("0" sometimes), a numeric range, or a name; protocol absent/TCP/UDP/SCTP/ANY.</summary>
    private static Gen<CiliumOraclePort> Port
    {
        get
        {
            var protocol = Gen.Frequency((3, (string?)null), (3, "TCP"), (2, "UDP"), (1, "SCTP"), (2, "ANY"));
            var numeric = Gen.OneOf("80", "81", "53", "8080", "0").Select(port => (Port: port, EndPort: (int?)null));
            var range = Gen.OneOf((80, 81), (53, 80), (81, 8080), (80, 80), (1, 79)).Select(r => (Port: r.Item1.ToString(System.Globalization.CultureInfo.InvariantCulture), EndPort: (int?)r.Item2));
            var named = Gen.OneOf(Names).Select(name => (Port: name, EndPort: (int?)null));
            var port = Gen.Frequency((4, numeric), (2, range), (3, named));
            return Gen.Select(protocol, port, (proto, p) => new CiliumOraclePort(p.Port, proto, p.EndPort));
        }
    }

    private static Gen<List<CiliumOraclePeerRule>?> List(Gen<CiliumOraclePeerRule> item, int absentWeight) => Gen.Frequency(
        (absentWeight, Gen.Const(() => (List<CiliumOraclePeerRule>?)null)),
        (1, Gen.Const(() => (List<CiliumOraclePeerRule>?)[])),
        (1, Gen.Const(() => (List<CiliumOraclePeerRule>?)[new CiliumOraclePeerRule()])),
        (4, item.Array[1, 2].Select(items => (List<CiliumOraclePeerRule>?)[.. items])));
}
