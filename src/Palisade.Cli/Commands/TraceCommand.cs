using System.CommandLine;
using Palisade.Cli.Input;
using Palisade.Cli.Output;
using Palisade.Engine;
using Palisade.Engine.L7;
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
        var port = new Option<string>("--port") { Description = "Destination port and protocol, e.g. 80/TCP, or an ICMP type, e.g. 8/ICMP.", Required = true };
        var http = new Option<string[]>("--http")
        {
            Description = "The HTTP request the flow carries: METHOD PATH (decided by HTTP rules on a redirected port).",
            Arity = new ArgumentArity(2, 2),
            AllowMultipleArgumentsPerToken = true,
        };
        var header = new Option<string[]>("--header") { Description = "A request header, NAME:VALUE (with --http). Repeatable." };
        var dns = new Option<string>("--dns") { Description = "The DNS name the flow queries (decided by DNS rules on a redirected port)." };
        var output = new Option<string>("--output", "-o") { Description = "text or json.", DefaultValueFactory = _ => "text" };
        output.AcceptOnlyFromAmong("text", "json");
        var command = new Command("trace", "Decide one flow and explain which policy and rule allowed or denied it on each side.");
        common.AddTo(command);
        command.Options.Add(from);
        command.Options.Add(to);
        command.Options.Add(port);
        command.Options.Add(http);
        command.Options.Add(header);
        command.Options.Add(dns);
        command.Options.Add(output);
        command.SetAction(result =>
        {
            var probe = ProbeSpec.Parse(result.GetValue(port)!, allowIcmp: true);
            var request = HttpRequestOf(result.GetValue(http), result.GetValue(header));
            var query = result.GetValue(dns) is { } name ? new DnsQuery(name) : null;
            var engine = ModelLoader.LoadEngine(result.GetValue(common.Files)!, common, result, context);
            if (engine is null) return ExitCodes.InvalidInput;
            var (src, srcAddress) = Resolve(engine, result.GetValue(from)!, "--from");
            var (dst, dstAddress) = Resolve(engine, result.GetValue(to)!, "--to");
            var verdict = engine.Evaluate(new FlowQuery(src, srcAddress, dst, dstAddress, probe.Protocol, probe.Port) { Http = request, Dns = query });
            var names = (engine.Options.NamesOf?.Invoke(dstAddress) ?? []).ToList();
            if (result.GetValue(output) == "json") TraceRenderer.Json(verdict, context.Out);
            else TraceRenderer.Text(verdict, context.Console, dst is null ? names : []);
            return verdict.Allowed ? ExitCodes.Ok : ExitCodes.Denied;
        });
        return command;
    }

    private static HttpRequest? HttpRequestOf(string[]? http, string[]? headers)
    {
        if (http is not { Length: 2 })
        {
            if (headers is { Length: > 0 }) throw new InputException("--header needs --http METHOD PATH; e.g. --http GET /index.html --header X-Token:abc");
            return null;
        }
        if ((headers ?? []).FirstOrDefault(h => !h.Contains(':', StringComparison.Ordinal) || h[..h.IndexOf(':', StringComparison.Ordinal)].Trim().Length == 0) is { } bad)
        {
            throw new InputException($"--header \"{bad}\" is not NAME:VALUE; write e.g. --header X-Token:abc");
        }
        return HttpRequest.Parse(http[0], http[1], headers ?? []);
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
