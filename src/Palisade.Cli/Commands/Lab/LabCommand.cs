using System.CommandLine;
using System.Net;
using Palisade.Lab;
using Palisade.Lab.Agents;
using Palisade.Lab.Controller;
using Palisade.Lab.Topology;
using Palisade.Lab.Workloads;

namespace Palisade.Cli.Commands.Lab;

/// <summary><c>palisade lab up|status|down</c>: a cluster on this machine, in network namespaces.</summary>
internal static class LabCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("lab", "A Kubernetes-like cluster on this machine: nodes and pods in network namespaces, real workloads, Services and DNS.");
        command.Subcommands.Add(Up(context));
        command.Subcommands.Add(LabStatusCommand.Create(context));
        command.Subcommands.Add(Down(context));
        command.Subcommands.Add(Controller());
        command.Subcommands.Add(WorkloadHost(context));
        command.Subcommands.Add(Agent(context));
        command.Subcommands.Add(Metrics(context));
        return command;
    }

    private static Command Up(CliContext context)
    {
        var files = new Option<string[]>("--file", "-f") { Description = "Manifests to apply once the lab is up (files or directories). Repeatable.", AllowMultipleArgumentsPerToken = true };
        var nodes = new Option<int>("--nodes") { Description = "Number of nodes.", DefaultValueFactory = _ => 2 };
        var name = new Option<string>("--name") { Description = "The lab's name (several labs can coexist).", DefaultValueFactory = _ => LabName.Default };
        var podCidr = new Option<string>("--pod-cidr") { Description = "The pods' address range; each node gets a block of it.", DefaultValueFactory = _ => "10.244.0.0/16" };
        var external = new Option<string[]>("--external-hosts")
        {
            Description = "Outside host names the lab's DNS answers, each served by a world host (HTTP 80, HTTPS 443): NAME or NAME=ADDRESS, comma-separated or repeated.",
            AllowMultipleArgumentsPerToken = true,
        };
        var audit = new Option<bool>("--audit") { Description = "Audit (dry-run) mode for the whole lab: what policies would drop is let through and reported as AUDIT (palisade observe --verdict AUDIT)." };
        var flowBuffer = new Option<int>("--flow-buffer-size") { Description = "Flows each node's agent keeps for `palisade observe`.", DefaultValueFactory = _ => 4096 };
        var flowLogs = new Option<string>("--flow-logs") { Description = "What the kernel reports as flows: all (drops and every new connection), drops, or off.", DefaultValueFactory = _ => "all" };
        flowLogs.AcceptOnlyFromAmong("all", "drops", "off");
        var relayAddress = new Option<string?>("--relay-address") { Description = "Also serve the lab's flows on this TCP address (IP:PORT), over TLS requiring the client certificate the lab writes to its ca/ directory." };
        var flowSample = new Option<int>("--flow-sample") { Description = "Report one allowed new connection in N (drops are always reported).", DefaultValueFactory = _ => 1 };
        var command = new Command("up", "Bring a lab up (cleaning up what a crashed run of the same name left), then apply the manifests.") { files, nodes, name, podCidr, external, audit, flowBuffer, flowLogs, flowSample, relayAddress };
        command.SetAction((result, ct) =>
        {
            var config = new LabConfig { Nodes = result.GetValue(nodes), Audit = result.GetValue(audit), FlowBufferSize = result.GetValue(flowBuffer), FlowLogs = result.GetValue(flowLogs)!, FlowSample = result.GetValue(flowSample), RelayAddress = result.GetValue(relayAddress) };
            return UpAsync(context, result.GetValue(name)!, result.GetValue(files) ?? [], config, result.GetValue(podCidr)!, result.GetValue(external) ?? [], ct);
        });
        return command;
    }

    private static async Task<int> UpAsync(CliContext context, string name, string[] files, LabConfig shape, string podCidr, string[] external, CancellationToken ct)
    {
        var objects = files.Length == 0 ? [] : LabInput.Read(files, null, context);
        if (objects is null) return ExitCodes.InvalidInput;
        if (!IPNetwork.TryParse(podCidr, out var cidr)) throw new LabException($"--pod-cidr {podCidr}: not a CIDR (e.g. 10.244.0.0/16)");
        var config = shape with { PodCidr = cidr, ExternalHosts = ExternalHostsOption.Parse(external) };
        var printer = new ProgressPrinter(context);
        await LabManager.UpAsync(name, config, objects, printer.Show, ct).ConfigureAwait(false);
        printer.EndLine();
        context.Out.WriteLine($"lab {name} is up: {config.Nodes} node(s){(config.Audit ? ", audit mode (nothing is dropped; would-be drops are reported as AUDIT)" : "")}");
        LabStatusCommand.PrintPods(context, LabPaths.For(name));
        return ExitCodes.Ok;
    }

    private static Command Down(CliContext context)
    {
        var name = new Option<string?>("--name") { Description = "The lab to take down (default: the only lab, or \"palisade\")." };
        var command = new Command("down", "Take a lab down: stop its processes, delete its namespaces, interfaces and files.") { name };
        command.SetAction(async (result, ct) =>
        {
            var lab = LabManager.Resolve(result.GetValue(name));
            var printer = new ProgressPrinter(context);
            var any = await LabManager.DownAsync(lab, printer.Show, ct).ConfigureAwait(false);
            printer.EndLine();
            context.Out.WriteLine(any ? $"lab {lab} is down" : $"there is no lab {lab}; nothing to do");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Controller()
    {
        var name = new Option<string>("--name") { Required = true };
        var command = new Command("controller", "Run a lab's controller (started by `lab up`).") { name };
        command.Hidden = true;
        command.SetAction((result, _) => LabControllerHost.RunAsync(result.GetValue(name)!, Console.Out));
        return command;
    }

    private static Command Metrics(CliContext context)
    {
        var node = new Option<string?>("--node") { Description = "Only this node's agent (default: every node)." };
        var lab = LabOptions.Lab();
        var command = new Command("metrics", "Print the node agents' Prometheus metrics (flows, drops, policy verdicts, lost events).") { node, lab };
        command.SetAction(async (result, ct) =>
        {
            var paths = LabPaths.For(LabManager.Resolve(result.GetValue(lab)));
            var nodes = Palisade.Lab.State.LabSnapshot.Read(paths).Config.NodeNames;
            var wanted = result.GetValue(node) is { } n ? (nodes.Contains(n) ? [n] : throw new LabException($"--node {n}: the lab's nodes are {string.Join(", ", nodes)}")) : nodes;
            foreach (var name in wanted)
            {
                context.Out.WriteLine($"# node {name}");
                context.Out.Write(await AgentMetrics.ScrapeAsync(paths, name, ct).ConfigureAwait(false));
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Agent(CliContext context)
    {
        var lab = new Option<string>("--lab") { Required = true };
        var node = new Option<string>("--node") { Required = true };
        var command = new Command("agent", "Run a lab node's agent, which programs the node's policy table (started by the lab's controller).") { lab, node };
        command.Hidden = true;
        command.SetAction((result, ct) => LabAgentHost.RunAsync(result.GetValue(lab)!, result.GetValue(node)!, context.Out, ct));
        return command;
    }

    private static Command WorkloadHost(CliContext context)
    {
        var lab = new Option<string>("--lab") { Required = true };
        var group = new Option<string>("--group") { Required = true };
        var ca = new Option<string?>("--ca");
        var command = new Command("workload-host", "Serve pods' workloads (started by the lab's controller).") { lab, group, ca };
        command.Hidden = true;
        command.SetAction((result, ct) => WorkloadHostProtocol.RunAsync(context.In, context.Out, result.GetValue(ca), ct));
        return command;
    }
}
