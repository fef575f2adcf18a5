using Palisade.Agent.Compilation;
using Palisade.Datapath.Nft;
using Palisade.Engine;
using Palisade.Engine.Cluster;
using Palisade.Engine.Ir;

namespace Palisade.Agent.Programming;

/// <summary>
/// Pods added to and removed from an applied program, computed from the pods alone (no engine rebuild, no comparison
/// of whole programs): what <see cref="NodeAgent.PlanPods"/> sends. Its transaction holds exactly the elements and
/// chains a whole diff would (tested against a whole sync).
/// </summary>
internal sealed class PodPatch
{
    private readonly List<(uint Address, uint Identity)> addressesGone = [];
    private readonly List<(uint Address, uint Identity)> addressesCome = [];
    private readonly List<(string Interface, EndpointDispatch Dispatch)> endpointsGone = [];
    private readonly List<(string Interface, EndpointDispatch Dispatch)> endpointsCome = [];
    private readonly List<string> policiesGone = [];
    private readonly List<uint> verdictsGone = [];

    private PodPatch(NodeProgram program) => Program = program;

    /// <summary>The program once patched.</summary>
    public NodeProgram Program { get; private set; }

    /// <summary>The patch, or null when the pods need more than their own elements (see <see cref="NodeAgent.PlanPods"/>).</summary>
    public static PodPatch? Make(NodeProgram applied, PolicyEngine engine, IReadOnlyList<Endpoint> added, IReadOnlyList<Endpoint> removed,
        string node, IdentityNumbering numbers, Func<Endpoint, string?> interfaceOf)
    {
        var patch = new PodPatch(applied);
        var addresses = new Dictionary<uint, uint>(applied.Addresses);
        var endpoints = new Dictionary<string, EndpointDispatch>(applied.Endpoints, StringComparer.Ordinal);
        var emptied = new HashSet<uint>();
        foreach (var pod in removed)
        {
            if (pod.HostNetwork || pod.PrimaryAddress.IsV6) return null;
            var address = AddressIdentities.V4(pod.PrimaryAddress);
            if (addresses.Remove(address, out var id))
            {
                patch.addressesGone.Add((address, id));
                emptied.Add(id);
            }
            if (pod.NodeName == node && interfaceOf(pod) is { } ifname && endpoints.Remove(ifname, out var dispatch)) patch.endpointsGone.Add((ifname, dispatch));
        }
        foreach (var pod in added)
        {
            if (pod.HostNetwork || pod.PrimaryAddress.IsV6 || engine.TryClassOf(pod) is not { } c) return null;
            var id = numbers.Class(c.Key);
            var address = AddressIdentities.V4(pod.PrimaryAddress);
            if (addresses.Remove(address, out var was)) patch.addressesGone.Add((address, was));
            addresses[address] = id;
            patch.addressesCome.Add((address, id));
            emptied.Remove(id);
            if (pod.NodeName != node || interfaceOf(pod) is not { } ifname) continue;
            var dispatch = new EndpointDispatch(id, Chain(engine, c, Direction.Egress, id), Chain(engine, c, Direction.Ingress, id));
            if (new[] { dispatch.Egress, dispatch.Ingress }.Any(chain => chain is not null && !applied.Policies.ContainsKey(chain))) return null;
            if (endpoints.Remove(ifname, out var old)) patch.endpointsGone.Add((ifname, old));
            endpoints[ifname] = dispatch;
            patch.endpointsCome.Add((ifname, dispatch));
        }
        // A class no pod is left in is not a peer of a whole sync's program: its allow entries would go too.
        if (emptied.Any(id => id is >= IdentityNumbering.FirstClass and < IdentityNumbering.FirstOutside && !addresses.ContainsValue(id))) return null;
        var policies = applied.Policies;
        var released = patch.endpointsGone.SelectMany(e => new[] { e.Dispatch.Egress, e.Dispatch.Ingress }).OfType<string>().ToHashSet(StringComparer.Ordinal);
        if (released.Count > 0)
        {
            released.ExceptWith(endpoints.Values.SelectMany(d => new[] { d.Egress, d.Ingress }).OfType<string>());
            patch.policiesGone.AddRange(released.Order(StringComparer.Ordinal));
            policies = applied.Policies.Where(p => !released.Contains(p.Key)).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        }
        patch.Program = applied with { Addresses = addresses, Endpoints = endpoints, Policies = policies, Verdicts = ReferenceEquals(policies, applied.Policies) ? applied.Verdicts : NodeProgram.VerdictsOf(policies, numbers.Verdicts) };
        patch.verdictsGone.AddRange(applied.Verdicts.Keys.Where(n => !patch.Program.Verdicts.ContainsKey(n)).Order());
        return patch;
    }

    /// <summary>The transaction, in the order a whole diff uses: endpoints leave, unused chains go, endpoints come, addresses change.</summary>
    public NftTransaction Transaction(NodeTable table, NftCatalog known)
    {
        var tx = new NftTransaction(known);
        tx.DeleteElements(table.EgressEndpoints, endpointsGone.Select(e => NodeTable.Element(e.Interface, e.Dispatch.Egress, Direction.Egress)));
        tx.DeleteElements(table.IngressEndpoints, endpointsGone.Select(e => NodeTable.Element(e.Interface, e.Dispatch.Ingress, Direction.Ingress)));
        foreach (var name in policiesGone) table.DeletePolicy(tx, name);
        foreach (var number in verdictsGone) table.DeleteVerdict(tx, number);
        tx.AddElements(table.EgressEndpoints, endpointsCome.Select(e => NodeTable.Element(e.Interface, e.Dispatch.Egress, Direction.Egress)));
        tx.AddElements(table.IngressEndpoints, endpointsCome.Select(e => NodeTable.Element(e.Interface, e.Dispatch.Ingress, Direction.Ingress)));
        tx.DeleteElements(table.Addresses, addressesGone.Select(a => NodeTable.Element(a.Address, a.Identity)));
        tx.AddElements(table.Addresses, addressesCome.Select(a => NodeTable.Element(a.Address, a.Identity)));
        return tx;
    }

    internal static string? Chain(PolicyEngine engine, Engine.Resolution.EndpointClass c, Direction direction, uint id) =>
        engine.HasRules(c, direction) ? NodeCompiler.ChainName(direction, id) : null;
}
