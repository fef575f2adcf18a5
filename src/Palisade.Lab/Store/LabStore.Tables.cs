using System.Net;

namespace Palisade.Lab.Store;

/// <summary>Reads and writes of the store's tables.</summary>
public sealed partial class LabStore
{
    /// <summary>Every applied object.</summary>
    public IReadOnlyList<StoredObject> Objects() => [.. Query(
        "SELECT api_version, kind, namespace, name, json, applied, system FROM objects ORDER BY system DESC, applied, kind, namespace, name",
        r => new StoredObject(r.GetString(0), r.GetString(1), r.GetString(2) is { Length: > 0 } ns ? ns : null, r.GetString(3), r.GetString(4), Time(r.GetString(5)), r.GetInt64(6) != 0))];

    /// <summary>Adds or replaces an object; returns true when it is new, false when it replaced one (null when unchanged).</summary>
    public bool? PutObject(StoredObject o)
    {
        var existing = Scalar("SELECT json FROM objects WHERE kind=$k AND namespace=$n AND name=$m", ("$k", o.Kind), ("$n", o.Namespace ?? ""), ("$m", o.Name)) as string;
        if (existing == o.Json) return null;
        Execute("INSERT INTO objects(kind,namespace,name,api_version,json,applied,system) VALUES($k,$n,$m,$a,$j,$t,$s) " +
            "ON CONFLICT(kind,namespace,name) DO UPDATE SET api_version=$a, json=$j, applied=$t",
            ("$k", o.Kind), ("$n", o.Namespace ?? ""), ("$m", o.Name), ("$a", o.ApiVersion), ("$j", o.Json), ("$t", Time(o.Applied)), ("$s", o.System ? 1 : 0));
        return existing is null;
    }

    /// <summary>Removes an object; true when it existed.</summary>
    public bool DeleteObject(string kind, string? ns, string name) =>
        Execute("DELETE FROM objects WHERE kind=$k AND namespace=$n AND name=$m", ("$k", kind), ("$n", ns ?? ""), ("$m", name)) > 0;

    /// <summary>Every pod the lab made.</summary>
    public IReadOnlyList<PodRecord> Pods() => [.. Query(
        "SELECT namespace, name, node, ip, netns, phase, ready, restarts, spec_hash, message, created FROM pods ORDER BY namespace, name",
        r => new PodRecord(r.GetString(0), r.GetString(1), r.GetString(2), IPAddress.Parse(r.GetString(3)), r.GetString(4), r.GetString(5),
            r.GetInt64(6) != 0, (int)r.GetInt64(7), r.GetString(8), r.IsDBNull(9) ? null : r.GetString(9), Time(r.GetString(10))))];

    /// <summary>Adds or replaces a pod's record.</summary>
    public void PutPod(PodRecord p) => _ = Execute(
        "INSERT INTO pods(namespace,name,node,ip,netns,phase,ready,restarts,spec_hash,message,created) VALUES($ns,$n,$node,$ip,$netns,$ph,$r,$rs,$h,$m,$c) " +
        "ON CONFLICT(namespace,name) DO UPDATE SET node=$node, ip=$ip, netns=$netns, phase=$ph, ready=$r, restarts=$rs, spec_hash=$h, message=$m",
        ("$ns", p.Namespace), ("$n", p.Name), ("$node", p.Node), ("$ip", p.Ip.ToString()), ("$netns", p.Netns), ("$ph", p.Phase),
        ("$r", p.Ready ? 1 : 0), ("$rs", p.Restarts), ("$h", p.SpecHash), ("$m", p.Message), ("$c", Time(p.Created)));

    /// <summary>Removes a pod's record.</summary>
    public void DeletePod(string ns, string name) => _ = Execute("DELETE FROM pods WHERE namespace=$ns AND name=$n", ("$ns", ns), ("$n", name));

    /// <summary>Services' ClusterIPs by "namespace/name" (null for headless).</summary>
    public IReadOnlyDictionary<string, IPAddress?> ServiceIps() =>
        Query("SELECT namespace, name, cluster_ip FROM services", r => (Key: r.GetString(0) + "/" + r.GetString(1), Ip: r.IsDBNull(2) ? null : Address(r.GetString(2))))
            .ToDictionary(x => x.Key, x => x.Ip);

    /// <summary>Records a Service's ClusterIP.</summary>
    public void PutService(string ns, string name, IPAddress? ip) => _ = Execute(
        "INSERT INTO services(namespace,name,cluster_ip) VALUES($ns,$n,$ip) ON CONFLICT(namespace,name) DO UPDATE SET cluster_ip=$ip",
        ("$ns", ns), ("$n", name), ("$ip", ip?.ToString()));

    /// <summary>Forgets a Service.</summary>
    public void DeleteService(string ns, string name) => _ = Execute("DELETE FROM services WHERE namespace=$ns AND name=$n", ("$ns", ns), ("$n", name));

    /// <summary>The world hosts made: name, address, namespace.</summary>
    public IReadOnlyList<(string Name, IPAddress Address, string Netns)> WorldHosts() =>
        [.. Query("SELECT name, address, netns FROM world_hosts ORDER BY name", r => (r.GetString(0), IPAddress.Parse(r.GetString(1)), r.GetString(2)))];

    /// <summary>Records a world host.</summary>
    public void PutWorldHost(string name, IPAddress address, string netns) =>
        Execute("INSERT OR REPLACE INTO world_hosts(name,address,netns) VALUES($n,$a,$ns)", ("$n", name), ("$a", address.ToString()), ("$ns", netns));

    /// <summary>Processes the lab runs, by role ("controller", "workload:node-1").</summary>
    public IReadOnlyDictionary<string, int> Processes() =>
        Query("SELECT role, pid FROM processes", r => (r.GetString(0), (int)r.GetInt64(1))).ToDictionary(x => x.Item1, x => x.Item2);

    /// <summary>Records (or with null, forgets) the process of a role.</summary>
    public void PutProcess(string role, int? pid)
    {
        if (pid is null) Execute("DELETE FROM processes WHERE role=$r", ("$r", role));
        else Execute("INSERT OR REPLACE INTO processes(role,pid) VALUES($r,$p)", ("$r", role), ("$p", pid.Value));
    }
}
