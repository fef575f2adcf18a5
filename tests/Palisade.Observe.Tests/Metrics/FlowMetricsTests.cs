using System.Net;
using Palisade.Observe.Api;
using Palisade.Observe.Flows;
using Palisade.Observe.Metrics;
using Palisade.Observe.Tests.Api;
using Palisade.Observe.Tests.Flows;

namespace Palisade.Observe.Tests.Metrics;

public class FlowMetricsTests
{
    [Fact]
    public async Task CountersScrapedFromTheServerHaveExactValues()
    {
        var metrics = new FlowMetrics();
        Feed(metrics);
        using var dir = new TempDir();
        await using var server = await ObserverServer.StartAsync(
            new ObserverService(new FlowRing(4), "node-a"),
            new ObserverListenOptions { UnixSocketPath = dir.Socket("obs"), MetricsEndpoint = new IPEndPoint(IPAddress.Loopback, 0) },
            metrics.Registry);
        using var http = new HttpClient();
        var text = await http.GetStringAsync(server.MetricsAddress);
        var samples = Samples(text);

        Assert.Equal(2, samples["palisade_flows_processed_total{type=\"PolicyVerdict\",subtype=\"\",verdict=\"FORWARDED\"}"]);
        Assert.Equal(1, samples["palisade_flows_processed_total{type=\"PolicyVerdict\",subtype=\"\",verdict=\"DROPPED\"}"]);
        Assert.Equal(1, samples["palisade_flows_processed_total{type=\"Drop\",subtype=\"\",verdict=\"DROPPED\"}"]);
        Assert.Equal(1, samples["palisade_flows_processed_total{type=\"Trace\",subtype=\"connection-end\",verdict=\"FORWARDED\"}"]);
        Assert.Equal(2, samples["palisade_flows_processed_total{type=\"Trace\",subtype=\"to-endpoint\",verdict=\"FORWARDED\"}"]);
        Assert.Equal(2, samples["palisade_drop_total{reason=\"POLICY_DENIED\",protocol=\"TCP\"}"]);
        Assert.Equal(2, samples["palisade_policy_verdicts_total{direction=\"egress\",match=\"l3-l4\",action=\"forwarded\"}"]);
        Assert.Equal(1, samples["palisade_policy_verdicts_total{direction=\"egress\",match=\"l3-l4\",action=\"dropped\"}"]);
        Assert.Equal(2, samples["palisade_tcp_flags_total{flag=\"SYN\",family=\"IPv4\"}"]);
        Assert.Equal(1, samples["palisade_tcp_flags_total{flag=\"SYN-ACK\",family=\"IPv4\"}"]);
        Assert.Equal(1, samples["palisade_tcp_flags_total{flag=\"FIN\",family=\"IPv4\"}"]);
        Assert.Equal(1, samples["palisade_icmp_total{family=\"IPv4\",type=\"EchoRequest\"}"]);
        Assert.Equal(1, samples["palisade_port_distribution_total{protocol=\"TCP\",port=\"80\"}"]);
        Assert.Equal(1, samples["palisade_port_distribution_total{protocol=\"TCP\",port=\"443\"}"]);
        Assert.Equal(1, samples["palisade_port_distribution_total{protocol=\"ICMPv4\",port=\"0\"}"]);
        Assert.Equal(12, samples["palisade_lost_events_total{source=\"perf_event_ring_buffer\"}"]);
        Assert.DoesNotContain(samples.Keys, k => k.StartsWith("palisade_tcp_flags_total{flag=\"RST\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ContextOptionsAddSourceAndDestinationLabels()
    {
        var metrics = new FlowMetrics(FlowMetricsOptions.Parse("sourceContext=namespace;destinationContext=workload|ip"));
        metrics.Observe(TestFlows.Tcp());
        metrics.Observe(TestFlows.Tcp(dst: "", dstIp: "1.1.1.1", dstId: 2));
        var samples = Samples(await Export(metrics));
        Assert.Equal(1, samples["palisade_flows_processed_total{type=\"PolicyVerdict\",subtype=\"\",verdict=\"FORWARDED\",source=\"default\",destination=\"deathstar\"}"]);
        Assert.Equal(1, samples["palisade_flows_processed_total{type=\"PolicyVerdict\",subtype=\"\",verdict=\"FORWARDED\",source=\"default\",destination=\"1.1.1.1\"}"]);
        Assert.Equal(1, samples["palisade_policy_verdicts_total{direction=\"egress\",match=\"l3-l4\",action=\"forwarded\",source=\"default\",destination=\"deathstar\"}"]);
    }

    [Theory]
    [InlineData("sourceContext=pod", "source=\"default/xwing\"")]
    [InlineData("destinationContext=pod-name", "destination=\"deathstar-6f8d\"")]
    [InlineData("sourceContext=app", "source=\"xwing\"")]
    [InlineData("sourceContext=identity", "source=\"k8s:app=xwing,k8s:io.kubernetes.pod.namespace=default\"")]
    public async Task EachContextIdentifierGivesItsValue(string options, string label)
    {
        var metrics = new FlowMetrics(FlowMetricsOptions.Parse(options));
        metrics.Observe(TestFlows.Tcp());
        Assert.Contains(label, await Export(metrics), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EachInstanceHasItsOwnRegistry()
    {
        var one = new FlowMetrics();
        var two = new FlowMetrics();
        one.Observe(TestFlows.Tcp());
        Assert.Contains("palisade_flows_processed_total{", await Export(one), StringComparison.Ordinal);
        Assert.DoesNotContain("palisade_flows_processed_total{", await Export(two), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sourceContext=nodes")]
    [InlineData("colour=blue")]
    public void UnknownOptionsAreRejected(string options) =>
        Assert.Throws<ArgumentException>(() => new FlowMetrics(FlowMetricsOptions.Parse(options)));

    private static void Feed(FlowMetrics metrics)
    {
        metrics.Observe(TestFlows.Tcp());
        metrics.Observe(TestFlows.Tcp(dport: 443));
        metrics.Observe(TestFlows.Tcp(verdict: Verdict.Dropped));
        metrics.Observe(TestFlows.Tcp(verdict: Verdict.Dropped, eventType: MonitorEvents.Drop));
        metrics.Observe(TestFlows.Tcp(eventType: MonitorEvents.Trace, reply: true, flags: new TCPFlags { SYN = true, ACK = true }));
        var end = TestFlows.Tcp(eventType: MonitorEvents.Trace, flags: new TCPFlags { FIN = true, ACK = true });
        end.EventType.SubType = MonitorEvents.TraceConnectionEnd;
        end.IsReply = null;
        metrics.Observe(end);
        var ping = TestFlows.Tcp(eventType: MonitorEvents.Trace);
        ping.EventType.SubType = MonitorEvents.TraceSubTypeNames["to-endpoint"];
        ping.L4 = new Layer4 { ICMPv4 = new ICMPv4 { Type = 8 } };
        metrics.Observe(ping);
        metrics.ObserveLost(new LostEvent { Source = LostEventSource.PerfEventRingBuffer, NumEventsLost = 12 });
    }

    private static async Task<string> Export(FlowMetrics metrics)
    {
        using var stream = new MemoryStream();
        await metrics.Registry.CollectAndExportAsTextAsync(stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static Dictionary<string, double> Samples(string exposition) =>
        exposition.Split('\n')
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => (Key: l[..l.LastIndexOf(' ')], Value: double.Parse(l[(l.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture)))
            .ToDictionary(s => s.Key, s => s.Value);
}
