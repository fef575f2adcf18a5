namespace Palisade.Lab;

/// <summary>
/// Where a lab keeps its files: one directory per lab under <see cref="Root"/> (<c>/var/lib/palisade/labs</c>, or
/// <c>$PALISADE_LAB_ROOT</c>), holding the state database, the controller's socket, log and pid, and the lab CA.
/// Nothing else on the machine is written except <c>/etc/netns/&lt;namespace&gt;/</c> for pods' resolv.conf.
/// </summary>
public sealed record LabPaths(string Root, string Name)
{
    /// <summary>The paths of lab <paramref name="name"/> under the configured root.</summary>
    public static LabPaths For(string name) =>
        new(Environment.GetEnvironmentVariable("PALISADE_LAB_ROOT") is { Length: > 0 } r ? r : "/var/lib/palisade/labs", LabName.Validate(name));

    /// <summary>The lab's directory.</summary>
    public string Directory => Path.Combine(Root, Name);

    /// <summary>The SQLite database with the lab's desired and observed state.</summary>
    public string StateDb => Path.Combine(Directory, "state.db");

    /// <summary>The controller's Unix socket (mode 0600).</summary>
    public string Socket => Path.Combine(Directory, "api.sock");

    /// <summary>The controller's log.</summary>
    public string Log => Path.Combine(Directory, "controller.log");

    /// <summary>The controller's process id.</summary>
    public string PidFile => Path.Combine(Directory, "controller.pid");

    /// <summary>The socket a node's agent is woken through.</summary>
    public string AgentBell(string node) => Path.Combine(Directory, $"agent-{node}.sock");

    /// <summary>The Unix socket where a node's agent serves its flows (the Observer gRPC API) and <c>/metrics</c>.</summary>
    public string Observer(string node) => Path.Combine(Directory, $"observer-{node}.sock");

    /// <summary>The Unix socket of the lab's relay: the Observer API over every node's flows.</summary>
    public string Relay => Path.Combine(Directory, "relay.sock");

    /// <summary>The lab CA (for the world hosts' HTTPS) and the trust bundle given to commands run in pods.</summary>
    public string CaDirectory => Path.Combine(Directory, "ca");

    /// <summary>True when the lab's directory exists.</summary>
    public bool Exists => global::System.IO.Directory.Exists(Directory);
}
