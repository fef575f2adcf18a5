namespace Palisade.Lab.Store;

/// <summary>The state generation and the node agents' reports.</summary>
public sealed partial class LabStore
{
    /// <summary>The generation of the state the agents must program: it goes up each time the controller changes what they read.</summary>
    public long Generation => Scalar("SELECT value FROM config WHERE key='generation'") is string s ? long.Parse(s, global::System.Globalization.CultureInfo.InvariantCulture) : 0;

    /// <summary>Raises the generation by one and returns it.</summary>
    public long NextGeneration()
    {
        long next = 0;
        InTransaction(() =>
        {
            next = Generation + 1;
            SetConfig("generation", next.ToString(global::System.Globalization.CultureInfo.InvariantCulture));
        });
        return next;
    }

    /// <summary>The agents' last reports, by node.</summary>
    public IReadOnlyDictionary<string, AgentRecord> Agents() => Query(
        "SELECT node, pid, synced, attempted, error, syncs, full_loads, patches, commands, last_sync_ms, updated FROM agents",
        r => new AgentRecord(r.GetString(0), (int)r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), r.IsDBNull(4) ? null : r.GetString(4),
            r.GetInt64(5), r.GetInt64(6), r.GetInt64(7), r.GetInt64(8), r.GetDouble(9), Time(r.GetString(10)))).ToDictionary(a => a.Node, StringComparer.Ordinal);

    /// <summary>Records an agent's report.</summary>
    public void PutAgent(AgentRecord a) => Execute(
        "INSERT OR REPLACE INTO agents(node,pid,synced,attempted,error,syncs,full_loads,patches,commands,last_sync_ms,updated) VALUES($n,$p,$s,$a,$e,$y,$f,$o,$c,$l,$u)",
        ("$n", a.Node), ("$p", a.Pid), ("$s", a.Synced), ("$a", a.Attempted), ("$e", a.Error), ("$y", a.Syncs), ("$f", a.FullLoads), ("$o", a.Patches), ("$c", a.Commands), ("$l", a.LastSyncMs), ("$u", Time(a.Updated)));

    /// <summary>Forgets an agent's report.</summary>
    public void DeleteAgent(string node) => Execute("DELETE FROM agents WHERE node=$n", ("$n", node));
}
