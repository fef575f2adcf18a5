using Palisade.Lab.Model;
using Palisade.Lab.Store;
using Palisade.Lab.Topology;

namespace Palisade.Lab.State;

/// <summary>
/// A read of a lab's state for display (<c>get</c>, <c>lab status</c>): what was applied and what the controller made
/// of it, read from the store without the controller.
/// </summary>
public sealed class LabSnapshot
{
    internal static readonly HashSet<string> PolicyKinds = new(StringComparer.Ordinal)
    {
        "NetworkPolicy", "CiliumNetworkPolicy", "CiliumClusterwideNetworkPolicy", "GlobalNetworkPolicy", "AdminNetworkPolicy",
        "BaselineAdminNetworkPolicy", "ClusterNetworkPolicy", "SecurityGroupPolicy",
    };

    /// <summary>Reads lab <paramref name="paths"/>.</summary>
    public static LabSnapshot Read(LabPaths paths)
    {
        if (!paths.Exists) throw new LabException($"there is no lab {paths.Name}: bring it up with `palisade lab up --name {paths.Name}`");
        using var store = LabStore.Open(paths.StateDb);
        return new LabSnapshot(paths, store);
    }

    /// <summary>A read through an open store, reusing the desired state the caller already loaded from it.</summary>
    public static LabSnapshot Of(LabPaths paths, LabStore store, DesiredState desired) => new(paths, store, desired);

    /// <summary>The state and its generation, read in one transaction (what a node agent programs).</summary>
    public static (LabSnapshot Snapshot, long Generation) ReadGeneration(LabPaths paths, LabStore store)
    {
        LabSnapshot? snapshot = null;
        long generation = 0;
        store.InTransaction(() =>
        {
            generation = store.Generation;
            snapshot = new LabSnapshot(paths, store);
        });
        return (snapshot!, generation);
    }

    private LabSnapshot(LabPaths paths, LabStore store, DesiredState? desired = null)
    {
        Paths = paths;
        Config = store.Config;
        Objects = store.Objects();
        Records = store.Pods();
        Desired = desired ?? DesiredState.Load(Objects);
        Services = Desired.Services(store.ServiceIps());
        WorldHosts = [.. store.WorldHosts().Select(h => new ExternalHost([h.Name], h.Address, h.Netns))];
        Processes = store.Processes();
        Agents = store.Agents();
        Generation = store.Generation;
        var topology = new LabTopology(Config, new LabNaming(paths.Name));
        Nodes = [.. topology.Nodes().Select(n => new NodeView(n.Name, n.Index, new Dictionary<string, string>(), topology.Plan.Node(n.Index), topology.Plan.PodBlock(n.Index), new LabNaming(paths.Name).Node(n.Name)))];
    }

    /// <summary>The lab's paths.</summary>
    public LabPaths Paths { get; }

    /// <summary>The lab's shape.</summary>
    public LabConfig Config { get; }

    /// <summary>Every applied object.</summary>
    public IReadOnlyList<StoredObject> Objects { get; }

    /// <summary>What the controller made of each pod.</summary>
    public IReadOnlyList<PodRecord> Records { get; }

    /// <summary>The desired state.</summary>
    public DesiredState Desired { get; }

    /// <summary>Services with their ClusterIPs.</summary>
    public IReadOnlyList<LabService> Services { get; }

    /// <summary>The world hosts.</summary>
    public IReadOnlyList<ExternalHost> WorldHosts { get; }

    /// <summary>The nodes.</summary>
    public IReadOnlyList<NodeView> Nodes { get; }

    /// <summary>The node agents' last reports, by node.</summary>
    public IReadOnlyDictionary<string, AgentRecord> Agents { get; }

    /// <summary>The generation of the stored state (what the agents must program).</summary>
    public long Generation { get; }

    /// <summary>The lab's processes by role.</summary>
    public IReadOnlyDictionary<string, int> Processes { get; }

    /// <summary>The applied policies of every dialect.</summary>
    public IReadOnlyList<StoredObject> Policies => [.. Objects.Where(o => PolicyKinds.Contains(o.Kind))];

    /// <summary>Pods as desired, each with the controller's record when it has one.</summary>
    public IReadOnlyList<(PodSpecView Spec, PodRecord? Record)> Pods
    {
        get
        {
            var records = Records.ToDictionary(r => r.Key, StringComparer.Ordinal);
            return [.. Desired.Pods.Select(p => (p, records.GetValueOrDefault(p.Key)))];
        }
    }

    /// <summary>The pod <paramref name="name"/> of <paramref name="ns"/>, or a <see cref="LabException"/> saying which pods there are.</summary>
    public PodRecord Pod(string ns, string name)
    {
        var record = Records.FirstOrDefault(r => r.Namespace == ns && r.Name == name);
        if (record is not null && record.Phase != "Pending") return record;
        if (record is not null) throw new LabException($"pod {ns}/{name} is Pending ({record.Message}); it has no network namespace yet");
        var here = Records.Where(r => r.Namespace == ns).Select(r => r.Name).ToList();
        var hint = here.Count == 0 ? $"namespace {ns} has no pods" : $"pods in {ns}: {string.Join(", ", here.Take(12))}{(here.Count > 12 ? ", ..." : "")}";
        throw new LabException($"pods \"{name}\" not found in namespace {ns} of lab {Paths.Name} ({hint})");
    }
}
