using Google.Protobuf;
using Palisade.Observe.Flows;

namespace Palisade.Observe.Tests.Flows;

public class FlowFilterTests
{
    // default/xwing (10.0.0.1:43512, ID 28730, k8s:app=xwing) -> default/deathstar-6f8d (10.0.1.2:80, ID 5213), TCP SYN,
    // policy verdict, EGRESS, FORWARDED, not a reply, node-a.
    private static readonly Flow Sample = TestFlows.Tcp();

    [Theory]
    [InlineData("{}", true)]
    [InlineData("""{"source_pod":["default/xwing"]}""", true)]
    [InlineData("""{"source_pod":["xwing"]}""", true)] // no slash: namespace "default"
    [InlineData("""{"source_pod":["xw"]}""", true)] // a prefix
    [InlineData("""{"source_pod":["default/"]}""", true)] // the whole namespace
    [InlineData("""{"source_pod":["/xwing"]}""", true)] // any namespace
    [InlineData("""{"source_pod":["kube-system/xwing"]}""", false)]
    [InlineData("""{"source_pod":["wing"]}""", false)] // not a prefix
    [InlineData("""{"source_pod":["deathstar"]}""", false)] // that is the destination
    [InlineData("""{"destination_pod":["deathstar"]}""", true)]
    [InlineData("""{"source_pod":["kube-system/a","default/xw"]}""", true)] // values OR
    [InlineData("""{"source_pod":["xwing"],"destination_port":["443"]}""", false)] // fields AND
    [InlineData("""{"source_pod":["xwing"],"destination_port":["443","80"]}""", true)]
    [InlineData("""{"source_ip":["10.0.0.1"]}""", true)]
    [InlineData("""{"source_ip":["10.0.0.0/24"]}""", true)]
    [InlineData("""{"source_ip":["10.0.1.0/24"]}""", false)]
    [InlineData("""{"destination_ip":["10.0.0.0/16"]}""", true)]
    [InlineData("""{"source_port":["43512"]}""", true)]
    [InlineData("""{"destination_port":["43512"]}""", false)]
    [InlineData("""{"source_identity":[28730]}""", true)]
    [InlineData("""{"destination_identity":[28730]}""", false)]
    [InlineData("""{"source_workload":[{"name":"xwing"}]}""", true)]
    [InlineData("""{"source_workload":[{"kind":"StatefulSet","name":"xwing"}]}""", false)]
    [InlineData("""{"verdict":["FORWARDED"]}""", true)]
    [InlineData("""{"verdict":["DROPPED","AUDIT"]}""", false)]
    [InlineData("""{"traffic_direction":["EGRESS"]}""", true)]
    [InlineData("""{"traffic_direction":["INGRESS"]}""", false)]
    [InlineData("""{"protocol":["TCP"]}""", true)]
    [InlineData("""{"protocol":["udp","icmp"]}""", false)]
    [InlineData("""{"event_type":[{"type":5}]}""", true)]
    [InlineData("""{"event_type":[{"type":4}]}""", false)]
    [InlineData("""{"event_type":[{"type":5,"match_sub_type":true,"sub_type":1}]}""", false)]
    [InlineData("""{"event_type":[{"type":5,"match_sub_type":true,"sub_type":0}]}""", true)]
    [InlineData("""{"reply":[false]}""", true)]
    [InlineData("""{"reply":[true]}""", false)]
    [InlineData("""{"node_name":["node-*"]}""", true)]
    [InlineData("""{"node_name":["node-b"]}""", false)]
    [InlineData("""{"node_name":["cluster/node-a"]}""", false)]
    [InlineData("""{"ip_version":["IPv4"]}""", true)]
    [InlineData("""{"ip_version":["IPv6"]}""", false)]
    [InlineData("""{"uuid":["nope"]}""", false)]
    [InlineData("""{"source_label":["app=xwing"]}""", true)]
    [InlineData("""{"source_label":["k8s:app=xwing"]}""", true)]
    [InlineData("""{"source_label":["container:app=xwing"]}""", false)]
    [InlineData("""{"source_label":["app in (web, xwing)"]}""", true)]
    [InlineData("""{"source_label":["app=xwing,tier!=db"]}""", true)]
    [InlineData("""{"source_label":["app=xwing,tier"]}""", false)]
    [InlineData("""{"source_label":["!app"]}""", false)]
    [InlineData("""{"source_label":["app notin (xwing)"]}""", false)]
    [InlineData("""{"source_label":["k8s:io.kubernetes.pod.namespace=default"]}""", true)]
    [InlineData("""{"source_label":["app=web", "app=xwing"]}""", true)] // selectors OR
    [InlineData("""{"destination_label":["app=xwing"]}""", false)]
    public void OneFilterFollowsHubbleSemantics(string filterJson, bool matches)
    {
        var predicate = FlowPredicate.Compile([Parse(filterJson)], []);
        Assert.Equal(matches, predicate.Matches(Sample));
    }

    [Fact]
    public void WhitelistFiltersAreOredAndTheBlacklistExcludes()
    {
        var toKube = Parse("""{"destination_pod":["kube-system/"]}""");
        var fromXwing = Parse("""{"source_pod":["xwing"]}""");
        Assert.True(FlowPredicate.Compile([toKube, fromXwing], []).Matches(Sample));
        Assert.False(FlowPredicate.Compile([toKube], []).Matches(Sample));
        Assert.False(FlowPredicate.Compile([toKube, fromXwing], [Parse("""{"destination_port":["80"]}""")]).Matches(Sample));
        Assert.True(FlowPredicate.Compile([], [Parse("""{"destination_port":["443"]}"""), toKube]).Matches(Sample));
        Assert.False(FlowPredicate.Compile([], [Parse("""{"destination_port":["443"]}"""), fromXwing]).Matches(Sample));
    }

    [Fact]
    public void ReplyFilterNeverMatchesAFlowOfUnknownDirection()
    {
        var unknown = TestFlows.Tcp(reply: null);
        Assert.False(FlowPredicate.Compile([Parse("""{"reply":[false]}""")], []).Matches(unknown));
        Assert.False(FlowPredicate.Compile([Parse("""{"reply":[true]}""")], []).Matches(unknown));
    }

    [Fact]
    public void Ipv6AddressesMatchExactlyAndByRange()
    {
        var v6 = TestFlows.Tcp(srcIp: "fd00::1", dstIp: "fd00:1::2");
        Assert.True(FlowPredicate.Compile([Parse("""{"source_ip":["fd00:0::1"]}""")], []).Matches(v6));
        Assert.True(FlowPredicate.Compile([Parse("""{"destination_ip":["fd00:1::/64"]}""")], []).Matches(v6));
        Assert.False(FlowPredicate.Compile([Parse("""{"destination_ip":["fd00:2::/64"]}""")], []).Matches(v6));
    }

    [Fact]
    public void AnEndpointWithoutNamespaceOrPodNeverMatchesAPodFilter()
    {
        var world = TestFlows.Tcp(dst: "", dstId: 2);
        Assert.False(FlowPredicate.Compile([Parse("""{"destination_pod":["default/"]}""")], []).Matches(world));
        Assert.False(FlowPredicate.Compile([Parse("""{"destination_pod":["/d"]}""")], []).Matches(world));
        Assert.True(FlowPredicate.Compile([Parse("""{"destination_identity":[2]}""")], []).Matches(world));
    }

    [Theory]
    [InlineData("""{"source_ip":["10.0.0.300"]}""", "10.0.0.300")]
    [InlineData("""{"source_ip":["10.0.0.0/33"]}""", "10.0.0.0/33")]
    [InlineData("""{"destination_port":["http"]}""", "http")]
    [InlineData("""{"destination_port":["65536"]}""", "65536")]
    [InlineData("""{"protocol":["quic"]}""", "quic")]
    [InlineData("""{"source_pod":[""]}""", "pod filter")]
    [InlineData("""{"source_pod":["/"]}""", "pod filter")]
    [InlineData("""{"source_label":["app in web"]}""", "app in web")]
    [InlineData("""{"source_label":[""]}""", "empty")]
    [InlineData("""{"policy":["kind:ns/"]}""", "kind:ns/")]
    public void MalformedFiltersAreRejectedWithTheValue(string filterJson, string named)
    {
        var e = Assert.Throws<FlowFilterException>(() => FlowPredicate.Compile([Parse(filterJson)], []));
        Assert.Contains(named, e.Message, StringComparison.Ordinal);
    }

    internal static FlowFilter Parse(string json) => JsonParser.Default.Parse<FlowFilter>(json);
}
