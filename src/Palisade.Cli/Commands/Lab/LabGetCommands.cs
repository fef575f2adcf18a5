using System.CommandLine;
using System.Globalization;
using Palisade.Cli.Output.Lab;
using Palisade.Lab;
using Palisade.Lab.State;

namespace Palisade.Cli.Commands.Lab;

/// <summary><c>palisade get pods|services|nodes|policies</c> on a lab, as kubectl shows them.</summary>
internal static partial class LabGetCommands
{
    public static IEnumerable<Command> Create(CliContext context)
    {
        yield return Make(context, "pods", ["pod", "po"], "List the lab's pods.", (s, ns, o, w) => Pods(context, s, ns, o, w));
        yield return Make(context, "services", ["service", "svc"], "List the lab's Services.", (s, ns, o, w) => Services(context, s, ns, o, w));
        yield return Make(context, "nodes", ["node", "no"], "List the lab's nodes.", (s, _, o, w) => Nodes(context, s, o, w));
        yield return Make(context, "endpoints", ["endpoint", "ep", "cep"], "List the lab's endpoints as `cilium endpoint list` does: identity, labels, policy enforcement per direction.", (s, ns, o, w) => LabEndpointsView.Write(context, s, ns, o));
        yield return Make(context, "policies", ["policy", "netpol", "cnp"], "List the policies applied to the lab, of every dialect.", (s, ns, o, w) => Policies(context, s, ns, o, w));
    }

    private static Command Make(CliContext context, string name, string[] aliases, string description, Func<LabSnapshot, string?, string, bool, int> action)
    {
        var lab = LabOptions.Lab();
        var ns = LabOptions.Namespace();
        var all = new Option<bool>("--all-namespaces", "-A") { Description = "All namespaces." };
        var output = new Option<string>("--output", "-o") { Description = "wide, json or yaml (default: a table).", DefaultValueFactory = _ => "" };
        output.AcceptOnlyFromAmong("", "wide", "json", "yaml");
        var command = new Command(name, description) { lab, ns, all, output };
        foreach (var a in aliases) command.Aliases.Add(a);
        command.SetAction(result =>
        {
            var snapshot = LabSnapshot.Read(LabPaths.For(LabManager.Resolve(result.GetValue(lab))));
            var scope = result.GetValue(all) ? null : result.GetValue(ns) ?? "default";
            var format = result.GetValue(output)!;
            return action(snapshot, scope, format, format == "wide");
        });
        return command;
    }

    private static int Pods(CliContext context, LabSnapshot snapshot, string? ns, string format, bool wide)
    {
        if (format is "json" or "yaml") return Emit(context, format, LabObjects.Pods(snapshot, ns));
        if (!WritePods(context.Out, snapshot, ns, wide)) context.Error.WriteLine($"No resources found in {ns} namespace.");
        return ExitCodes.Ok;
    }

    /// <summary>Writes the pods table; false when there are no pods in scope.</summary>
    public static bool WritePods(TextWriter writer, LabSnapshot snapshot, string? ns, bool wide)
    {
        var now = DateTimeOffset.UtcNow;
        string[] headers = ["NAME", "READY", "STATUS", "RESTARTS", "AGE", .. wide ? new[] { "IP", "NODE" } : []];
        var table = new ColumnTable([.. ns is null ? new[] { "NAMESPACE" } : [], .. headers]);
        foreach (var (spec, record) in snapshot.Pods.Where(p => ns is null || p.Spec.Namespace == ns).OrderBy(p => p.Spec.Namespace, StringComparer.Ordinal).ThenBy(p => p.Spec.Name, StringComparer.Ordinal))
        {
            var placed = record is { Phase: not "Pending" };
            string[] cells =
            [
                spec.Name, record is { Ready: true } ? "1/1" : "0/1", record?.Phase ?? "Pending",
                (record?.Restarts ?? 0).ToString(CultureInfo.InvariantCulture), record is null ? "<unknown>" : Age.Since(record.Created, now),
                .. wide ? new[] { placed ? record!.Ip.ToString() : "<none>", placed ? record!.Node : "<none>" } : [],
            ];
            table.Add([.. ns is null ? new[] { spec.Namespace } : [], .. cells]);
        }
        if (table.Count > 0) table.Write(writer);
        return table.Count > 0;
    }

    private static int Services(CliContext context, LabSnapshot snapshot, string? ns, string format, bool wide)
    {
        if (format is "json" or "yaml") return Emit(context, format, LabObjects.Services(snapshot, ns));
        var table = new ColumnTable([.. ns is null ? new[] { "NAMESPACE" } : [], "NAME", "TYPE", "CLUSTER-IP", "EXTERNAL-IP", "PORT(S)", "AGE", .. wide ? new[] { "SELECTOR" } : []]);
        var now = DateTimeOffset.UtcNow;
        foreach (var s in snapshot.Services.Where(s => ns is null || s.Namespace == ns).OrderBy(s => s.Namespace, StringComparer.Ordinal).ThenBy(s => s.Name, StringComparer.Ordinal))
        {
            var ports = s.Ports.Count == 0 ? "<none>" : string.Join(",", s.Ports.Select(p => $"{p.Port}/{p.Protocol.ToString().ToUpperInvariant()}"));
            var applied = snapshot.Objects.FirstOrDefault(o => o.Kind == "Service" && o.Namespace == s.Namespace && o.Name == s.Name)?.Applied ?? now;
            var selector = s.Selector is null ? "<none>" : string.Join(",", s.Selector.Select(kv => $"{kv.Key}={kv.Value}"));
            table.Add([.. ns is null ? new[] { s.Namespace } : [], s.Name, "ClusterIP", s.ClusterIp?.ToString() ?? "None", "<none>", ports, Age.Since(applied, now), .. wide ? new[] { selector } : []]);
        }
        if (table.Count == 0) context.Error.WriteLine($"No resources found in {ns} namespace.");
        else table.Write(context.Out);
        return ExitCodes.Ok;
    }

    private static int Nodes(CliContext context, LabSnapshot snapshot, string format, bool wide)
    {
        if (format is "json" or "yaml") return Emit(context, format, LabObjects.Nodes(snapshot));
        var table = new ColumnTable(["NAME", "STATUS", "ROLES", "AGE", "VERSION", .. wide ? new[] { "INTERNAL-IP", "POD-CIDR", "PODS" } : []]);
        var created = snapshot.Objects.Count > 0 ? snapshot.Objects.Min(o => o.Applied) : DateTimeOffset.UtcNow;
        foreach (var n in snapshot.Nodes)
        {
            table.Add([n.Name, "Ready", "<none>", Age.Since(created, DateTimeOffset.UtcNow), "palisade-lab",
                .. wide ? new[] { n.Address.ToString(), n.PodBlock.ToString(), snapshot.Records.Count(r => r.Node == n.Name).ToString(CultureInfo.InvariantCulture) } : []]);
        }
        table.Write(context.Out);
        return ExitCodes.Ok;
    }

    private static int Policies(CliContext context, LabSnapshot snapshot, string? ns, string format, bool wide)
    {
        var policies = snapshot.Policies.Where(p => ns is null || p.Namespace is null || p.Namespace == ns).ToList();
        if (format is "json" or "yaml") return Emit(context, format, LabObjects.List(policies.Select(p => System.Text.Json.Nodes.JsonNode.Parse(p.Json)!)));
        var table = new ColumnTable("KIND", "NAMESPACE", "NAME", "AGE");
        foreach (var p in policies) table.Add(p.Kind, p.Namespace ?? "<cluster>", p.Name, Age.Since(p.Applied, DateTimeOffset.UtcNow));
        if (table.Count == 0) context.Error.WriteLine(ns is null ? "No policies found." : $"No policies found in {ns} namespace.");
        else table.Write(context.Out);
        _ = wide;
        return ExitCodes.Ok;
    }

    private static int Emit(CliContext context, string format, System.Text.Json.Nodes.JsonNode list)
    {
        context.Out.WriteLine(format == "json" ? list.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) : LabObjects.ToYaml(list));
        return ExitCodes.Ok;
    }
}
