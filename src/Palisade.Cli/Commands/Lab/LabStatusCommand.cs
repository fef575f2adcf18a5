using System.CommandLine;
using Palisade.Cli.Output.Lab;
using Palisade.Lab;
using Palisade.Lab.Api;
using Palisade.Lab.State;

namespace Palisade.Cli.Commands.Lab;

/// <summary><c>palisade lab status</c>: the lab's controller, nodes, world hosts and pods at a glance.</summary>
internal static class LabStatusCommand
{
    public static Command Create(CliContext context)
    {
        var name = new Option<string?>("--name") { Description = "The lab (default: the only lab, or \"palisade\")." };
        var command = new Command("status", "Show a lab: controller, nodes, world hosts, pods.") { name };
        command.SetAction(result =>
        {
            var lab = LabManager.Resolve(result.GetValue(name));
            var snapshot = LabSnapshot.Read(LabPaths.For(lab));
            var running = LabApiClient.IsListening(snapshot.Paths.Socket);
            context.Out.WriteLine($"lab {lab}: controller {(running ? $"running (pid {snapshot.Processes.GetValueOrDefault("controller")})" : "NOT RUNNING (the next apply starts it again)")}");
            context.Out.WriteLine($"state: {snapshot.Paths.Directory}   log: {snapshot.Paths.Log}");
            context.Out.WriteLine();
            var nodes = new ColumnTable("NODE", "ADDRESS", "POD-CIDR", "PODS", "WORKLOAD-PID", "AGENT-PID", "PROGRAMMED", "LAST-SYNC");
            foreach (var n in snapshot.Nodes)
            {
                var agent = snapshot.Agents.GetValueOrDefault(n.Name);
                nodes.Add(n.Name, n.Address.ToString(), n.PodBlock.ToString(), Text(snapshot.Records.Count(r => r.Node == n.Name)),
                    snapshot.Processes.TryGetValue("workload:" + n.Name, out var pid) ? Text(pid) : "-",
                    agent is null ? "-" : Text(agent.Pid),
                    agent is null ? "-" : $"{agent.Synced}/{snapshot.Generation}",
                    agent is null ? "-" : $"{agent.LastSyncMs:F0} ms");
            }
            nodes.Write(context.Out);
            foreach (var agent in snapshot.Agents.Values.Where(a => a.Error is not null))
            {
                context.Out.WriteLine($"agent of {agent.Node}: generation {agent.Attempted} failed: {agent.Error}");
            }
            if (snapshot.WorldHosts.Count > 0)
            {
                context.Out.WriteLine();
                var world = new ColumnTable("WORLD HOST", "ADDRESS", "SERVES");
                foreach (var h in snapshot.WorldHosts) world.Add(h.Names[0], h.Address.ToString(), "80/TCP (HTTP), 443/TCP (HTTPS)");
                world.Write(context.Out);
            }
            context.Out.WriteLine();
            var byPhase = snapshot.Pods.GroupBy(p => p.Record?.Phase ?? "Pending").Select(g => $"{g.Count()} {g.Key}");
            context.Out.WriteLine($"pods: {string.Join(", ", byPhase)}; services: {snapshot.Services.Count}; policies: {snapshot.Policies.Count}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Text(long n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Prints the pods of a lab as <c>get pods -A -o wide</c> does.</summary>
    public static void PrintPods(CliContext context, LabPaths paths) =>
        LabGetCommands.WritePods(context.Out, LabSnapshot.Read(paths), null, wide: true);
}
