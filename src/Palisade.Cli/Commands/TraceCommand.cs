using System.CommandLine;
using Palisade.Cli.Input;
using Palisade.Cli.Output;
using Palisade.Engine;
using Palisade.Engine.Verdicts;
using Palisade.Policy.Errors;
using Palisade.Policy.Net;

namespace Palisade.Cli.Commands;

/// <summary><c>palisade trace</c>: the verdict of one flow and why.</summary>
internal static class TraceCommand
{
    public static Command Create(CliContext context)
    {
        var common = new CommonOptions();
        var from = new Option<string>("--from") { Description = "Source: NAMESPACE/POD, NAMESPACE/WORKLOAD (its first pod) or an IP address.", Required = true };
        var to = new Option<string>("--to") { Description = "Destination: NAMESPACE/POD, NAMESPACE/WORKLOAD (its first pod) or an IP address.", Required = true };
        var port = new Option<string>("--port") { Description = "Destination port and protocol, e.g. 80/TCP.", Required = true };
        var output = new Option<string>("--output", "-o") { Description = "text or json.", DefaultValueFactory = _ => "text" };
        output.AcceptOnlyFromAmong("text", "json");
        var command = new Command("trace", "Decide one flow and explain which policy and rule allowed or denied it on each side.");
        common.AddTo(command);
        command.Options.Add(from);
        command.Options.Add(to);
        command.Options.Add(port);
        command.Options.Add(output);
        command.SetAction(result =>
        {
            var probe = ProbeSpec.Parse(result.GetValue(port)!);
            var engine = ModelLoader.LoadEngine(result.GetValue(common.Files)!, common.ClusterOptions(result), context);
            if (engine is null) return ExitCodes.InvalidInput;
            var (src, srcAddress) = Resolve(engine, result.GetValue(from)!, "--from");
            var (dst, dstAddress) = Resolve(engine, result.GetValue(to)!, "--to");
            var verdict = engine.Evaluate(new FlowQuery(src, srcAddress, dst, dstAddress, probe.Protocol, probe.Port));
            if (result.GetValue(output) == "json") TraceRenderer.Json(verdict, context.Out);
            else TraceRenderer.Text(verdict, context.Console);
            return verdict.Allowed ? ExitCodes.Ok : ExitCodes.Denied;
        });
        return command;
    }

    /// <summary>As <c>kubectl exec deploy/NAME</c>: a workload name stands for its first pod.</summary>
    private static Engine.Cluster.Endpoint? FirstPodOfWorkload(PolicyEngine engine, string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        var (ns, name) = (key[..slash], key[(slash + 1)..]);
        return engine.Cluster.Endpoints.FirstOrDefault(e => e.Namespace == ns && e.Workload?.Name == name);
    }

    private static (Engine.Cluster.Endpoint?, IpAddressValue) Resolve(PolicyEngine engine, string text, string option)
    {
        if (IpAddressValue.TryParse(text, out var address))
        {
            var pod = engine.Cluster.FindByAddress(address);
            return (pod, address);
        }
        var key = text.Contains('/', StringComparison.Ordinal) ? text : "default/" + text;
        var endpoint = engine.Cluster.Find(key) ?? FirstPodOfWorkload(engine, key) ?? throw new InputException(
            $"{option} {text}: no such pod or workload; give NAMESPACE/POD or NAMESPACE/WORKLOAD (see `palisade analyze`) or an IP address");
        return (endpoint, endpoint.PrimaryAddress);
    }
}
