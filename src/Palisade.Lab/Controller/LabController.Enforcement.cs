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
    /// terms its policy does not allow. A table is replaced atomically (one <c>nft -f</c>), never half-applied; a node
    /// whose text did not change gets nothing.
    /// </summary>
    private async Task SyncEnforcementAsync(Func<ApiMessage, Task> emit, CancellationToken ct)
    {
        var (engine, _) = LabEngine.Build(LabSnapshot.Read(paths));
        var changed = false;
        foreach (var node in nodeBase)
        {
            var text = NodeRuleset.Render(engine, node.Name);
            if (appliedPolicyTables.TryGetValue(node.Name, out var previous) && previous == text) continue;
            changed = true;
            await ApplyPolicyTableAsync(node.Name, node.Netns, text).ConfigureAwait(false);
            appliedPolicyTables[node.Name] = text;
            await emit(ApiMessage.Progress("programming policy", nodeBase.ToList().IndexOf(node) + 1, nodeBase.Count)).ConfigureAwait(false);
        }
        if (!changed) return;
        foreach (var policy in engine.Policies.Where(p => p.Rules.Any(r => r.L7 is not null)).Select(p => p.Ref).Distinct())
        {
            await emit(ApiMessage.Line($"warning: {policy} has L7 rules (HTTP/DNS); the lab enforces them at L3/L4 only until the L7 proxies land: the port is open to the allowed peers for every request")).ConfigureAwait(false);
        }
    }

    private async Task ApplyPolicyTableAsync(string node, string netns, string text)
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
            throw new LabException($"node {node}: the kernel refused the policy table ({e.Message}); the previous table stays in force", e);
        }
    }

    private void DisposeKernels()
    {
        foreach (var kernel in nodeKernels.Values) kernel.Dispose();
        nodeKernels.Clear();
    }
}
