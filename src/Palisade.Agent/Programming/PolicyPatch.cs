using Palisade.Agent.Compilation;
using Palisade.Engine;
using Palisade.Engine.Ir;
using Palisade.Engine.Resolution;

namespace Palisade.Agent.Programming;

/// <summary>
/// Policies changed over the same pods and identities: only the identities the changed policies select (before or
/// after the change) get their allow entries and their endpoints' dispatch computed again; addresses, blocks and
/// every other identity's chains are the applied program's. What <see cref="NodeAgent.PlanPolicies"/> sends.
/// </summary>
internal static class PolicyPatch
{
    /// <summary>The patched program; <paramref name="after"/> shares <paramref name="before"/>'s classes (see <see cref="PolicyEngine.WithPolicies"/>).</summary>
    public static NodeProgram Make(NodeProgram applied, PolicyEngine before, PolicyEngine after, IReadOnlySet<PolicyRef> changed, IdentityNumbering numbers, AddressIdentities identities)
    {
        var selected = new HashSet<int>();
        foreach (var p in before.Policies.Where(p => changed.Contains(p.Ref))) selected.UnionWith(before.SelectedBy(p).Select(i => i.Id));
        foreach (var p in after.Policies.Where(p => changed.Contains(p.Ref))) selected.UnionWith(after.SelectedBy(p).Select(i => i.Id));
        var affected = new Dictionary<uint, EndpointClass>();
        foreach (var c in after.Classes.Where(c => c.Identity is { } id && selected.Contains(id.Id))) affected[numbers.Class(c.Key)] = c;
        if (affected.Count == 0) return applied;

        var endpoints = new Dictionary<string, EndpointDispatch>(applied.Endpoints, StringComparer.Ordinal);
        var policies = new Dictionary<string, PolicySets>(applied.Policies, StringComparer.Ordinal);
        var recomputed = new HashSet<string>(StringComparer.Ordinal);
        string? Chain(EndpointClass c, Direction direction, uint id)
        {
            if (!after.HasRules(c, direction)) return null;
            var name = NodeCompiler.ChainName(direction, id);
            if (recomputed.Add(name)) policies[name] = NodeCompiler.Sets(after, c, c.Members[0], direction, id, identities, numbers.Verdicts);
            return name;
        }
        foreach (var (ifname, dispatch) in applied.Endpoints)
        {
            if (!affected.TryGetValue(dispatch.Identity, out var c)) continue;
            endpoints[ifname] = dispatch with { Egress = Chain(c, Direction.Egress, dispatch.Identity), Ingress = Chain(c, Direction.Ingress, dispatch.Identity) };
        }
        // Only the affected identities' chains can have lost their last endpoint.
        var maybeUnused = affected.Keys.SelectMany(id => new[] { NodeCompiler.ChainName(Direction.Egress, id), NodeCompiler.ChainName(Direction.Ingress, id) })
            .Where(policies.ContainsKey).ToHashSet(StringComparer.Ordinal);
        foreach (var d in endpoints.Values)
        {
            if (maybeUnused.Count == 0) break;
            if (d.Egress is not null) maybeUnused.Remove(d.Egress);
            if (d.Ingress is not null) maybeUnused.Remove(d.Ingress);
        }
        foreach (var name in maybeUnused) policies.Remove(name);
        return applied with { Endpoints = endpoints, Policies = policies, Verdicts = NodeProgram.VerdictsOf(policies, numbers.Verdicts) };
    }
}
