using Palisade.Datapath.Kernel;
using Palisade.Datapath.Nft;
using Palisade.Lab.Api;
using Palisade.Lab.Connectivity;
using Palisade.Lab.Enforcement;
using Palisade.Lab.State;

namespace Palisade.Lab.Controller;

/// <summary>Policy enforcement: each node's <c>table inet palisade</c>, recompiled from the engine and replaced when it changed.</summary>
public sealed partial class LabController
{
    private readonly Dictionary<string, string> appliedPolicyTables = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LibNftables> nodeKernels = new(StringComparer.Ordinal);

    /// <summary>
    /// Programs every node before any new pod's workload starts, so a new pod is never reachable, nor able to send, on
    /// terms its policy does not allow. A table is replaced atomically (one libnftables transaction), never
    /// half-applied; a node whose text did not change gets nothing.
    /// </summary>
    private async Task SyncEnforcementAsync(DesiredState desired, Func<ApiMessage, Task> emit, CancellationToken ct)
    {
        var (engine, _) = LabEngine.Build(LabSnapshot.Of(paths, store, desired));
        var changed = false;
        for (var i = 0; i < nodeBase.Count; i++)
        {
            var node = nodeBase[i];
            var text = NodeRuleset.Render(engine, node.Name);
            if (appliedPolicyTables.TryGetValue(node.Name, out var previous) && previous == text) continue;
            changed = true;
            await ApplyToNodeAsync(node.Name, node.Netns, "policy", text).ConfigureAwait(false);
            appliedPolicyTables[node.Name] = text;
            await emit(ApiMessage.Progress("programming policy", i + 1, nodeBase.Count)).ConfigureAwait(false);
        }
        if (!changed) return;
        foreach (var policy in engine.Policies.Where(p => p.Rules.Any(r => r.L7 is not null)).Select(p => p.Ref).Distinct())
        {
            await emit(ApiMessage.Line($"warning: {policy} has L7 rules (HTTP/DNS); the lab enforces them at L3/L4 only until the L7 proxies land: the port is open to the allowed peers for every request")).ConfigureAwait(false);
        }
    }

    /// <summary>Applies one table's text to a node through the node's own libnftables context (no process).</summary>
    private async Task ApplyToNodeAsync(string node, string netns, string table, string text)
    {
        if (!nodeKernels.TryGetValue(node, out var kernel))
        {
            kernel = new LibNftables(netns);
            nodeKernels[node] = kernel;
        }
        try
        {
            await kernel.RunAsync(text).ConfigureAwait(false);
        }
        catch (NftException e)
        {
            throw new LabException($"node {node}: the kernel refused the {table} table ({e.Message}); the previous table stays in force", e);
        }
    }

    private void DisposeKernels()
    {
        foreach (var kernel in nodeKernels.Values) kernel.Dispose();
        nodeKernels.Clear();
    }
}
