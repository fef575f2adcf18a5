using System.Text.Json;
using Google.Protobuf.WellKnownTypes;
using Palisade.Observe.Api;
using Palisade.Observe.Flows;

namespace Palisade.Observe.Tests.Flows;

public class FlowFormatterTests
{
    [Fact]
    public void CompactShowsAnAllowedPolicyVerdictOnOneLine()
    {
        var flow = TestFlows.Tcp();
        flow.EgressAllowedBy.Add(TestFlows.Policy("default", "rule1"));
        Assert.Equal(
            "Nov 23 18:01:02.123: default/xwing:43512 (ID:28730) -> default/deathstar-6f8d:80 (ID:5213) policy-verdict:L3-L4 EGRESS ALLOWED by default/rule1 TCP SYN",
            Format(ObserveOutput.Compact, flow).TrimEnd());
    }

    [Fact]
    public void CompactExplainsADefaultDenyDrop()
    {
        var flow = TestFlows.Tcp(src: "x/a", dst: "y/b", verdict: Verdict.Dropped, direction: TrafficDirection.Ingress, eventType: MonitorEvents.Drop);
        flow.IngressIsolatedBy.Add(TestFlows.Policy("y", "deny-all", "NetworkPolicy"));
        flow.EgressAllowedBy.Add(TestFlows.Policy("x", "allow-out"));
        Assert.Equal(
            "Nov 23 18:01:02.123: x/a:43512 (ID:28730) -> y/b:80 (ID:5213) Policy denied DROPPED (default deny: isolated by y/deny-all) TCP SYN",
            Format(ObserveOutput.Compact, flow).TrimEnd());
    }

    [Fact]
    public void CompactNamesTheDenyingRule()
    {
        var flow = TestFlows.Tcp(src: "x/a", dst: "y/b", verdict: Verdict.Dropped, eventType: MonitorEvents.PolicyVerdict);
        flow.EgressDeniedBy.Add(TestFlows.Policy("y", "deny", rule: 0));
        var line = Format(ObserveOutput.Compact, flow);
        Assert.Contains("policy-verdict:L3-L4 EGRESS DENIED (denied by CiliumNetworkPolicy y/deny rule 0) TCP SYN", line, StringComparison.Ordinal);
    }

    [Fact]
    public void CompactFlipsRepliesAndMarksUnknownDirection()
    {
        var reply = TestFlows.Tcp(reply: true, eventType: MonitorEvents.Trace);
        Assert.Contains("default/deathstar-6f8d:80 (ID:5213) <- default/xwing:43512 (ID:28730) to-endpoint FORWARDED", Format(ObserveOutput.Compact, reply), StringComparison.Ordinal);
        var unknown = TestFlows.Tcp(reply: null, eventType: MonitorEvents.Trace);
        Assert.Contains("default/xwing:43512 (ID:28730) <> default/deathstar-6f8d:80", Format(ObserveOutput.Compact, unknown), StringComparison.Ordinal);
    }

    [Fact]
    public void EndpointsThatAreNotPodsShowTheirAddressAndReservedIdentity()
    {
        var flow = TestFlows.Tcp(dst: "", dstIp: "2606:4700::1111", dport: 443, dstId: 2);
        Assert.Contains("-> [2606:4700::1111]:443 (world) ", Format(ObserveOutput.Compact, flow), StringComparison.Ordinal);
        var host = TestFlows.Tcp(src: "", srcId: 1, dst: "", dstId: 6);
        Assert.Contains("10.0.0.1:43512 (host) -> 10.0.1.2:80 (remote-node)", Format(ObserveOutput.Compact, host), StringComparison.Ordinal);
        host.DestinationNames.Add("api.example.com");
        Assert.Contains("-> api.example.com:80 (remote-node)", Format(ObserveOutput.Compact, host), StringComparison.Ordinal);
    }

    [Fact]
    public void ConnectionEndShowsItsCounters()
    {
        var flow = TestFlows.Tcp(eventType: MonitorEvents.Trace, flags: new TCPFlags { FIN = true, ACK = true });
        flow.EventType.SubType = MonitorEvents.TraceConnectionEnd;
        flow.Counters = new ConnectionCounters { PacketsOriginal = 5, BytesOriginal = 400, PacketsReply = 4, BytesReply = 900, Duration = Duration.FromTimeSpan(TimeSpan.FromMilliseconds(1500)) };
        Assert.Contains("connection-end FORWARDED TCP FIN, ACK (5 packets 400 bytes sent, 4 packets 900 bytes back, 1.5s)", Format(ObserveOutput.Compact, flow), StringComparison.Ordinal);
    }

    [Fact]
    public void JsonUsesHubblesProtoFieldNamesAndEnumNames()
    {
        var flow = TestFlows.Tcp(verdict: Verdict.Dropped, eventType: MonitorEvents.Drop);
        flow.EgressIsolatedBy.Add(TestFlows.Policy("y", "deny-all", rule: -1));
        var line = Format(ObserveOutput.Json, flow);
        Assert.Single(line.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        Assert.Equal("node-a", root.GetProperty("node_name").GetString());
        Assert.Equal("2024-11-23T18:01:02.123Z", root.GetProperty("time").GetString());
        var f = root.GetProperty("flow");
        Assert.Equal("xwing", f.GetProperty("source").GetProperty("pod_name").GetString());
        Assert.Equal("EGRESS", f.GetProperty("traffic_direction").GetString());
        Assert.Equal("DROPPED", f.GetProperty("verdict").GetString());
        Assert.Equal("POLICY_DENIED", f.GetProperty("drop_reason_desc").GetString());
        Assert.False(f.GetProperty("is_reply").GetBoolean());
        Assert.True(f.GetProperty("l4").GetProperty("TCP").GetProperty("flags").GetProperty("SYN").GetBoolean());
        Assert.Equal(80, f.GetProperty("l4").GetProperty("TCP").GetProperty("destination_port").GetInt32());
        Assert.Equal("IPv4", f.GetProperty("IP").GetProperty("ipVersion").GetString());
        Assert.Equal("L3_L4", f.GetProperty("Type").GetString());
        var isolated = f.GetProperty("egress_isolated_by")[0];
        Assert.Equal("deny-all", isolated.GetProperty("name").GetString());
        Assert.Equal(-1, isolated.GetProperty("rule_index").GetInt32());
    }

    [Fact]
    public void JsonPbUsesCamelCase()
    {
        using var json = JsonDocument.Parse(Format(ObserveOutput.JsonPb, TestFlows.Tcp()));
        Assert.Equal("node-a", json.RootElement.GetProperty("nodeName").GetString());
        Assert.Equal("xwing", json.RootElement.GetProperty("flow").GetProperty("source").GetProperty("podName").GetString());
        Assert.Equal("EGRESS", json.RootElement.GetProperty("flow").GetProperty("trafficDirection").GetString());
    }

    [Fact]
    public void DictPrintsKeyValueBlocksSeparatedByDashes()
    {
        var allowed = TestFlows.Tcp();
        allowed.EgressAllowedBy.Add(TestFlows.Policy("default", "rule1"));
        var text = Format(ObserveOutput.Dict, allowed, TestFlows.Tcp(dport: 443));
        var blocks = text.Split(FlowFormatter.DictSeparator + Environment.NewLine);
        Assert.Equal(2, blocks.Length);
        Assert.Contains("     SOURCE: default/xwing:43512" + Environment.NewLine, blocks[0], StringComparison.Ordinal);
        Assert.Contains("DESTINATION: default/deathstar-6f8d:80" + Environment.NewLine, blocks[0], StringComparison.Ordinal);
        Assert.Contains("    VERDICT: ALLOWED" + Environment.NewLine, blocks[0], StringComparison.Ordinal);
        Assert.Contains("   POLICIES: by default/rule1" + Environment.NewLine, blocks[0], StringComparison.Ordinal);
        Assert.Contains("DESTINATION: default/deathstar-6f8d:443", blocks[1], StringComparison.Ordinal);
        Assert.DoesNotContain("POLICIES", blocks[1], StringComparison.Ordinal);
    }

    [Fact]
    public void TableAlignsColumnsUnderOneHeader()
    {
        var lines = Format(ObserveOutput.Table, TestFlows.Tcp(), TestFlows.Tcp(src: "kube-system/coredns-abc", dport: 53))
            .Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("TIMESTAMP ", lines[0], StringComparison.Ordinal);
        foreach (var column in new[] { "SOURCE", "DESTINATION", "TYPE", "VERDICT", "SUMMARY" })
        {
            var at = lines[0].IndexOf(column, StringComparison.Ordinal);
            Assert.True(at > 0, column);
            Assert.NotEqual(' ', lines[1][at]);
            Assert.NotEqual(' ', lines[2][at]);
            Assert.Equal(' ', lines[2][at - 1]);
        }
        Assert.EndsWith("ALLOWED   TCP SYN", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void LostEventsAreShownAndNodeStatusGoesToErrors()
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var formatter = new FlowFormatter(output, ObserveOutput.Compact, errors);
        var time = Timestamp.FromDateTime(TestFlows.BaseTime);
        formatter.Write(new GetFlowsResponse { LostEvents = new LostEvent { Source = LostEventSource.HubbleRingBuffer, NumEventsLost = 12 }, Time = time });
        formatter.Write(new GetFlowsResponse { NodeStatus = new NodeStatusEvent { StateChange = NodeState.NodeUnavailable, NodeNames = { "n2" } }, NodeName = "relay", Time = time });
        Assert.Equal("Nov 23 18:01:02.123: EVENTS LOST: HUBBLE_RING_BUFFER 12" + Environment.NewLine, output.ToString());
        Assert.Equal("Nov 23 18:01:02.123 [relay]: 1 nodes are unavailable: n2" + Environment.NewLine, errors.ToString());
    }

    [Theory]
    [InlineData("compact", "Compact")]
    [InlineData("table", "Table")]
    [InlineData("JSON", "Json")]
    [InlineData("jsonpb", "JsonPb")]
    [InlineData("dict", "Dict")]
    public void OutputNamesAreHubbles(string name, string output) => Assert.Equal(output, ObserveOutputs.Parse(name).ToString());

    [Fact]
    public void AnUnknownOutputListsTheAcceptedOnes()
    {
        var e = Assert.Throws<ArgumentException>(() => ObserveOutputs.Parse("yaml"));
        Assert.Contains("compact, table, json, jsonpb, dict", e.Message, StringComparison.Ordinal);
    }

    private static string Format(ObserveOutput output, params Flow[] flows)
    {
        var writer = new StringWriter();
        var formatter = new FlowFormatter(writer, output);
        foreach (var flow in flows)
        {
            formatter.Write(new GetFlowsResponse { Flow = flow, NodeName = flow.NodeName, Time = flow.Time });
        }
        formatter.Flush();
        return writer.ToString();
    }
}
