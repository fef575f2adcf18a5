using Google.Protobuf;
using Palisade.Observe.Api;

namespace Palisade.Observe.Flows;

/// <summary>
/// Prints GetFlows responses like <c>hubble observe</c>'s printer. Flows and lost-events notices go to
/// <paramref name="output"/>; node status changes (from a relay) go to <paramref name="errors"/> in the text
/// formats, as Hubble sends them to stderr. The table is aligned per batch: call <see cref="Flush"/> after the
/// last response (and, when following, after each).
/// </summary>
internal sealed class FlowFormatter(TextWriter output, ObserveOutput format, TextWriter? errors = null)
{
    /// <summary>Hubble's <c>dict</c> separator.</summary>
    public const string DictSeparator = "------------";

    private static readonly JsonFormatter ProtoNames = new(JsonFormatter.Settings.Default.WithPreserveProtoFieldNames(true));
    private static readonly JsonFormatter CamelCase = new(JsonFormatter.Settings.Default);

    private readonly List<string[]> tableRows = [];
    private bool tableHeaderWritten;
    private int dictBlocks;

    /// <summary>Whether the text formats show the node name (Hubble's <c>--print-node-name</c>).</summary>
    public bool ShowNodeName { get; init; }

    /// <summary>Prints one response.</summary>
    public void Write(GetFlowsResponse response)
    {
        switch (format)
        {
            case ObserveOutput.Json:
                output.WriteLine(ProtoNames.Format(response));
                return;
            case ObserveOutput.JsonPb:
                output.WriteLine(CamelCase.Format(response));
                return;
        }
        switch (response.ResponseTypesCase)
        {
            case GetFlowsResponse.ResponseTypesOneofCase.Flow: WriteFlow(response.Flow); break;
            case GetFlowsResponse.ResponseTypesOneofCase.LostEvents: WriteLost(response); break;
            case GetFlowsResponse.ResponseTypesOneofCase.NodeStatus: (errors ?? output).WriteLine(NodeStatusLine(response)); break;
        }
    }

    /// <summary>Writes the buffered table rows, aligned; the other formats write at once.</summary>
    public void Flush()
    {
        if (format == ObserveOutput.Table && tableRows.Count > 0)
        {
            TableWriter.Write(output, tableHeaderWritten ? [] : [TableHeader()], tableRows);
            tableHeaderWritten = true;
            tableRows.Clear();
        }
        output.Flush();
    }

    private void WriteFlow(Flow flow)
    {
        var (src, dst) = (FlowText.Host(flow, true), FlowText.Host(flow, false));
        var (srcId, dstId) = (FlowText.Identity(flow.Source), FlowText.Identity(flow.Destination));
        var node = ShowNodeName ? $" [{flow.NodeName}]" : "";
        var policies = FlowText.Policies(flow);
        var summary = FlowText.Summary(flow);
        switch (format)
        {
            case ObserveOutput.Compact:
                var arrow = flow.IsReply is null ? "<>" : "->";
                if (flow.IsReply == true)
                {
                    (src, dst, srcId, dstId, arrow) = (dst, src, dstId, srcId, "<-");
                }
                var head = $"{FlowText.Time(flow.Time)}{node}: {src} {srcId} {arrow} {dst} {dstId} {FlowText.Type(flow)} {FlowText.Verdict(flow)}";
                output.WriteLine(Join(head, policies, summary));
                break;
            case ObserveOutput.Table:
                string[] row = [FlowText.Time(flow.Time), src, dst, FlowText.Type(flow), FlowText.Verdict(flow), Join(policies, summary)];
                tableRows.Add(ShowNodeName ? [row[0], flow.NodeName, .. row[1..]] : row);
                break;
            default:
                WriteDictFlow(flow, src, dst, policies, summary);
                break;
        }
    }

    private void WriteDictFlow(Flow flow, string src, string dst, string policies, string summary)
    {
        StartDictBlock();
        output.WriteLine($"  TIMESTAMP: {FlowText.Time(flow.Time)}");
        if (ShowNodeName)
        {
            output.WriteLine($"       NODE: {flow.NodeName}");
        }
        output.WriteLine($"     SOURCE: {src}");
        output.WriteLine($"DESTINATION: {dst}");
        output.WriteLine($"       TYPE: {FlowText.Type(flow)}");
        output.WriteLine($"    VERDICT: {FlowText.Verdict(flow)}");
        if (policies.Length > 0)
        {
            output.WriteLine($"   POLICIES: {policies}");
        }
        output.WriteLine($"    SUMMARY: {summary}");
    }

    private void WriteLost(GetFlowsResponse response)
    {
        var lost = response.LostEvents;
        var cpu = lost.Cpu is { } c ? $" CPU({c})" : "";
        var text = $"EVENTS LOST: {FlowText.EnumName(lost.Source)}{cpu} {lost.NumEventsLost}";
        if (format == ObserveOutput.Dict)
        {
            StartDictBlock();
            output.WriteLine($"  TIMESTAMP: {FlowText.Time(response.Time)}");
            output.WriteLine($"       LOST: {text}");
            return;
        }
        Flush();
        output.WriteLine($"{FlowText.Time(response.Time)}: {text}");
    }

    private void StartDictBlock()
    {
        if (dictBlocks++ > 0)
        {
            output.WriteLine(DictSeparator);
        }
    }

    private string[] TableHeader() => ShowNodeName
        ? ["TIMESTAMP", "NODE", "SOURCE", "DESTINATION", "TYPE", "VERDICT", "SUMMARY"]
        : ["TIMESTAMP", "SOURCE", "DESTINATION", "TYPE", "VERDICT", "SUMMARY"];

    private static string NodeStatusLine(GetFlowsResponse response)
    {
        var s = response.NodeStatus;
        var nodes = string.Join(", ", s.NodeNames);
        var prefix = $"{FlowText.Time(response.Time)} [{response.NodeName}]";
        return s.StateChange switch
        {
            NodeState.NodeConnected => $"{prefix}: Receiving flows from {s.NodeNames.Count} nodes: {nodes}",
            NodeState.NodeUnavailable => $"{prefix}: {s.NodeNames.Count} nodes are unavailable: {nodes}",
            NodeState.NodeGone => $"{prefix}: {s.NodeNames.Count} nodes removed from cluster: {nodes}",
            _ => $"{prefix}: Error \"{s.Message}\" on {s.NodeNames.Count} nodes: {nodes}",
        };
    }

    private static string Join(params string[] parts) => string.Join(' ', parts.Where(p => p.Length > 0));
}
