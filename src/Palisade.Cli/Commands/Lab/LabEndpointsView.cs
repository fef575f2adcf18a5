using System.Globalization;
using System.Text.Json;
using Palisade.Cli.Output.Lab;
using Palisade.Engine.Ir;
using Palisade.Lab.Connectivity;
using Palisade.Lab.State;

namespace Palisade.Cli.Commands.Lab;

/// <summary>
/// <c>palisade get endpoints</c>: per pod its identity, its security-relevant labels and whether policy isolates it
/// in each direction (Cilium's "policy enforcement"), from the engine built over the lab's state.
/// </summary>
internal static class LabEndpointsView
{
    public static int Write(CliContext context, LabSnapshot snapshot, string? ns, string format)
    {
        var (engine, _) = LabEngine.Build(snapshot);
        // The numbers the node agents key the kernel's maps and chains by (egress-<id>), given in the agents' order.
        var numbers = new Palisade.Agent.Compilation.IdentityNumbering();
        var datapath = engine.Cluster.Endpoints.Where(e => !e.HostNetwork).ToDictionary(e => e.Key, e => numbers.Class(engine.ClassOf(e).Key), StringComparer.Ordinal);
        var rows = engine.Cluster.Endpoints.Where(e => ns is null || e.Namespace == ns).OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => new
        {
            endpoint = e.Key,
            node = e.NodeName ?? "",
            identity = engine.Identities.Of(e)?.Id,
            datapathIdentity = datapath.TryGetValue(e.Key, out var id) ? id : (uint?)null,
            ingress = engine.IsIsolated(e, Direction.Ingress) ? "Enabled" : "Disabled",
            egress = engine.IsIsolated(e, Direction.Egress) ? "Enabled" : "Disabled",
            mode = e.Audit || snapshot.Config.Audit ? "audit" : "enforce",
            ipv4 = e.PrimaryAddress.ToString(),
            labels = engine.Identities.Of(e)?.CiliumLabels.ToList() ?? [],
        }).ToList();
        if (format == "json")
        {
            context.Out.WriteLine(JsonSerializer.Serialize(rows, new JsonSerializerOptions { WriteIndented = true }));
            return ExitCodes.Ok;
        }
        var table = new ColumnTable("ENDPOINT", "NODE", "IDENTITY", "NFT-ID", "POLICY (INGRESS)", "POLICY (EGRESS)", "MODE", "IPV4", "LABELS");
        foreach (var r in rows)
        {
            table.Add(r.endpoint, r.node, r.identity?.ToString(CultureInfo.InvariantCulture) ?? "-", r.datapathIdentity?.ToString(CultureInfo.InvariantCulture) ?? "-", r.ingress, r.egress, r.mode, r.ipv4, string.Join(" ", r.labels.Where(l => !l.StartsWith("k8s:io.cilium.k8s.", StringComparison.Ordinal))));
        }
        table.Write(context.Out);
        context.Out.WriteLine();
        context.Out.WriteLine("policy enforcement as the engine computes it for the lab's state; NFT-ID keys the node tables' maps and chains (egress-<id>, ingress-<id>);");
        context.Out.WriteLine("MODE audit: the pod's would-be drops are let through and reported as AUDIT (policies annotated audit are audited for every pod);");
        context.Out.WriteLine("`palisade connectivity test` shows what the kernel does");
        return ExitCodes.Ok;
    }
}
