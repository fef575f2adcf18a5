using Palisade.Engine.Ir;
using Palisade.Engine.Ports;
using Palisade.Engine.Verdicts;
using Spectre.Console;

namespace Palisade.Cli.Output;

/// <summary>Renders a verdict with its explanation as text or JSON.</summary>
internal static class TraceRenderer
{
    public static void Text(Verdict verdict, IAnsiConsole console, IReadOnlyList<string>? destinationNames = null)
    {
        var flow = verdict.Flow;
        console.WriteLine($"Flow:    {flow.SourceName} ({flow.SourceAddress}) -> {flow.DestinationName} ({flow.DestinationAddress}) {flow.Port}/{ProtocolNames.Name(flow.Protocol)}");
        if (destinationNames is { Count: > 0 }) console.WriteLine($"DNS:     {flow.DestinationAddress} is {string.Join(", ", destinationNames)} (learned names)");
        console.MarkupLine(verdict.Allowed ? "Verdict: [green]ALLOWED[/]" : "Verdict: [red]DENIED[/]");
        var table = new Table().Border(TableBorder.Rounded).AddColumns("side", "endpoint", "decision", "why");
        foreach (var side in (SideVerdict[])[verdict.Egress, verdict.Ingress])
        {
            table.AddRow(Markup.Escape(side.Direction.ToString().ToLowerInvariant()), Markup.Escape(side.Endpoint), Decision(side),
                Markup.Escape(string.Join("\n", side.ExplainLines())));
        }
        console.Write(table);
    }

    private static string Decision(SideVerdict side) => side switch
    {
        { Reason: SideReason.NotEvaluated } => "-",
        { Allowed: false } => "deny",
        { L7.RequestAllowed: false } => $"deny ({side.L7.Protocol})",
        { L7.RequestAllowed: true } => $"allow ({side.L7.Protocol})",
        { L7: not null } => $"redirect ({side.L7.Protocol})",
        _ => "allow",
    };

    public static void Json(Verdict verdict, TextWriter writer)
    {
        var flow = verdict.Flow;
        Output.Json.Write(new
        {
            flow = new
            {
                source = flow.SourceName,
                sourceIp = flow.SourceAddress.ToString(),
                destination = flow.DestinationName,
                destinationIp = flow.DestinationAddress.ToString(),
                protocol = ProtocolNames.Name(flow.Protocol),
                port = flow.Port,
                http = flow.Http?.ToString(),
                dns = flow.Dns?.Name,
            },
            verdict = verdict.Allowed ? "ALLOWED" : "DENIED",
            allowed = verdict.Allowed,
            egress = Side(verdict.Egress),
            ingress = Side(verdict.Ingress),
        }, writer);
    }

    private static object Side(SideVerdict side) => new
    {
        endpoint = side.Endpoint,
        evaluated = side.Reason != SideReason.NotEvaluated,
        allowed = side.Allowed,
        reason = ReasonName(side.Reason),
        explanation = side.Explain(),
        decidedBy = side.DecidedBy.Select(h => new
        {
            kind = h.Policy.Kind,
            @namespace = h.Policy.Namespace,
            name = h.Policy.Name,
            tier = h.Tier,
            action = h.Action.ToString(),
            direction = h.Direction.ToString(),
            rule = h.Rule,
            ruleIndex = h.RuleIndex,
            log = h.Log,
            l7 = h.L7?.ToString(),
        }),
        isolatedBy = side.IsolatedBy.Select(PolicyJson),
        l7 = side.L7 is not { } l7 ? null : new
        {
            protocol = l7.Protocol,
            redirected = true,
            allowsEveryRequest = l7.AllowsEverything,
            request = l7.Request,
            requestAllowed = l7.RequestAllowed,
            matchedBy = l7.MatchedBy?.ToString(),
            explanation = l7.Explain(),
        },
    };

    private static object PolicyJson(PolicyRef p) => new { kind = p.Kind, @namespace = p.Namespace, name = p.Name };

    private static string ReasonName(SideReason reason) => reason switch
    {
        SideReason.NotEvaluated => "not-evaluated",
        SideReason.NotIsolated => "not-isolated",
        SideReason.AllowedByRule => "allowed-by-rule",
        SideReason.DeniedByRule => "denied-by-rule",
        SideReason.LocalHost => "local-host",
        SideReason.Audit => "audit",
        _ => "default-deny",
    };
}
