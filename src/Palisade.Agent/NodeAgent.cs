using System.Diagnostics;
using Palisade.Agent.Compilation;
using Palisade.Agent.Programming;
using Palisade.Datapath.Nft;
using Palisade.Engine;
using Palisade.Engine.Cluster;
using Palisade.Engine.Ir;

namespace Palisade.Agent;

/// <summary>
/// Programs one node's policy table from the engine: the first sync (and the first after any failure) replaces the
/// table atomically, every later one sends only what changed, and a sync with no change sends nothing. Holds what it
/// applied last, so it must be the only writer of the table. Not thread-safe: one sync at a time.
/// </summary>
public sealed class NodeAgent
{
    private readonly INftBackend kernel;
    private readonly IdentityNumbering numbers = new();
    private NodeProgram? applied;
    private NftCatalog known = NftCatalog.Empty;
    private (IReadOnlyList<Engine.Resolution.EndpointClass> Classes, AddressIdentities Identities)? compiledOver;

    /// <summary>An agent for node <paramref name="node"/> writing to <paramref name="kernel"/>; pods' interfaces come from <paramref name="interfaceOf"/>.</summary>
    public NodeAgent(string node, INftBackend kernel, Func<Endpoint, string?> interfaceOf, NodeTable? table = null)
    {
        Node = node;
        this.kernel = kernel;
        InterfaceOf = interfaceOf;
        Table = table ?? new NodeTable();
    }

    /// <summary>The node.</summary>
    public string Node { get; }

    /// <summary>The table's shape.</summary>
    public NodeTable Table { get; }

    /// <summary>The program in the kernel, as far as this agent knows; null before the first sync and after a failure.</summary>
    public NodeProgram? Applied => applied;

    private Func<Endpoint, string?> InterfaceOf { get; }

    /// <summary>The verdict numbered <paramref name="number"/> (a log prefix's number), or null when this agent never gave it. Thread-safe.</summary>
    public VerdictRule? Verdict(uint number) => numbers.Verdicts.Find(number);

    /// <summary>Addresses to pods, nodes and outside blocks as the applied program numbers them, from the <paramref name="engine"/> it came from: what flows are described with.</summary>
    public Flows.FlowDirectory Directory(PolicyEngine engine) => Flows.FlowDirectory.Of(engine, Node, numbers, applied?.Blocks ?? []);

    /// <summary>Computes what <paramref name="engine"/> wants on this node and the transaction that gets it there.</summary>
    public SyncPlan Plan(PolicyEngine engine)
    {
        var clock = Stopwatch.StartNew();
        var program = NodeCompiler.Compile(engine, Node, numbers, InterfaceOf, out var identities);
        var compiled = clock.Elapsed;
        var full = applied is null;
        var tx = full ? ProgramDiff.Full(Table, program) : ProgramDiff.Between(Table, applied!, program, known);
        return new SyncPlan(program, tx, full, compiled, clock.Elapsed - compiled) { CompiledOver = (engine.Classes, identities) };
    }

    /// <summary>
    /// Plans pods added and removed without rebuilding the engine, as Cilium upserts an address in its ipcache: each
    /// added pod joins a class <paramref name="engine"/> (the engine of the last sync, built without it) already knows,
    /// so it only needs its address's identity and, on this node, its dispatch to chains that exist. Null when that
    /// does not hold (a new class, a host-network pod, a node's first pod of an identity, the last pod of a class
    /// removed, nothing applied yet): then a whole sync is needed. The plan leaves the table exactly as a whole sync
    /// of the new state would (tested).
    /// </summary>
    public SyncPlan? PlanPods(PolicyEngine engine, IReadOnlyList<Endpoint> added, IReadOnlyList<Endpoint> removed)
    {
        if (applied is null) return null;
        var clock = Stopwatch.StartNew();
        var patch = PodPatch.Make(applied, engine, added, removed, Node, numbers, InterfaceOf);
        if (patch is null) return null;
        var compiled = clock.Elapsed;
        return new SyncPlan(patch.Program, patch.Transaction(Table, known), false, compiled, clock.Elapsed - compiled);
    }

    /// <summary>
    /// Plans a change of policies over the same pods without compiling the node again: <paramref name="after"/> must
    /// be <paramref name="before"/>'s <see cref="PolicyEngine.WithPolicies"/> sharing its classes, and
    /// <paramref name="before"/> (or an engine with the same classes) the one this agent last compiled. Only the
    /// identities the <paramref name="changed"/> policies select get their chains and dispatch computed again. Null when
    /// that does not hold (then a whole sync is needed); the result equals a whole sync (tested).
    /// </summary>
    public SyncPlan? PlanPolicies(PolicyEngine before, PolicyEngine after, IReadOnlySet<PolicyRef> changed)
    {
        if (applied is null || compiledOver is not { } over || !ReferenceEquals(after.Classes, before.Classes) || !ReferenceEquals(over.Classes, after.Classes)) return null;
        var clock = Stopwatch.StartNew();
        var program = PolicyPatch.Make(applied, before, after, changed, numbers, over.Identities);
        var compiled = clock.Elapsed;
        var tx = ProgramDiff.Between(Table, applied, program, known);
        return new SyncPlan(program, tx, false, compiled, clock.Elapsed - compiled);
    }

    /// <summary>Applies a plan made by <see cref="Plan"/> against the current state.</summary>
    /// <exception cref="NftException">The kernel refused it: nothing changed, and the next sync is a full load.</exception>
    public async Task<SyncResult> ApplyAsync(SyncPlan plan, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            await kernel.ApplyAsync(plan.Transaction, ct).ConfigureAwait(false);
        }
        catch
        {
            Forget();
            throw;
        }
        applied = plan.Program;
        known = plan.Transaction.Catalog;
        if (plan.CompiledOver is { } over) compiledOver = over;
        return new SyncResult(plan.Full, plan.Transaction.Commands.Count, plan.Compile, plan.Diff, clock.Elapsed);
    }

    /// <summary>Makes the node's table what <paramref name="engine"/> wants.</summary>
    /// <exception cref="NftException">The kernel refused the change: nothing changed, and the next sync is a full load.</exception>
    public Task<SyncResult> SyncAsync(PolicyEngine engine, CancellationToken ct = default) => ApplyAsync(Plan(engine), ct);

    /// <summary>Forgets what was applied: the next sync replaces the whole table.</summary>
    public void Forget()
    {
        applied = null;
        compiledOver = null;
        known = NftCatalog.Empty;
    }
}
