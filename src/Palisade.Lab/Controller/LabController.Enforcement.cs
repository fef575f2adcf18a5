using Palisade.Datapath.Kernel;
using Palisade.Datapath.Nft;
using Palisade.Lab.Agents;
using Palisade.Lab.Api;
using Palisade.Lab.State;

namespace Palisade.Lab.Controller;

/// <summary>
/// Policy enforcement is the node agents' (one process per node, <see cref="LabAgentHost"/>): the controller raises the
/// state's generation once pods' records are written, rings the agents, and waits until every node's kernel holds it
/// before any new pod's workload starts.
/// </summary>
public sealed partial class LabController
{
    private readonly Dictionary<string, LibNftables> nodeKernels = new(StringComparer.Ordinal);
    private string? warnedPolicies;

    /// <summary>
    /// Has every node programmed for the stored state. A new pod is never reachable, nor able to send, on terms its
    /// policy does not allow: until its node's agent knows it, its interface is dropped by the table's default, and its
    /// workload starts only after this returns.
    /// </summary>
    private async Task SyncEnforcementAsync(DesiredState desired, Func<ApiMessage, Task> emit, CancellationToken ct)
    {
        var generation = store.NextGeneration();
        await agents.WaitForAsync(generation, emit, ct).ConfigureAwait(false);
        await WarnAboutL7Async(desired, emit).ConfigureAwait(false);
    }

    /// <summary>Says once per change of the policies that L7 rules are enforced at L3/L4 only.</summary>
    private async Task WarnAboutL7Async(DesiredState desired, Func<ApiMessage, Task> emit)
    {
        var policies = string.Join("\n", store.Objects().Where(o => LabSnapshot.PolicyKinds.Contains(o.Kind)).Select(o => o.Json));
        if (policies == warnedPolicies) return;
        warnedPolicies = policies;
        // Lowering alone says which policies have L7 rules; the agents build the engines.
        var (lowered, _) = Engine.EngineLoader.Lower(desired.Manifests, new Engine.EngineInputs());
        foreach (var policy in lowered.Where(p => p.Rules.Any(r => r.L7 is not null)).Select(p => p.Ref).Distinct())
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
