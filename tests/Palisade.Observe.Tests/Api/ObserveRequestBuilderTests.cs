using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Palisade.Observe.Api;

namespace Palisade.Observe.Tests.Api;

public class ObserveRequestBuilderTests
{
    private static readonly DateTimeOffset Now = new(2024, 11, 23, 18, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("--pod xwing", """[{"source_pod":["xwing"]},{"destination_pod":["xwing"]}]""")]
    [InlineData("--from-pod a --to-pod b", """[{"source_pod":["a"],"destination_pod":["b"]}]""")]
    [InlineData("--pod a --pod b", """[{"source_pod":["a","b"]},{"destination_pod":["a","b"]}]""")]
    [InlineData("-n kube-system --pod coredns", """[{"source_pod":["kube-system/coredns"]},{"destination_pod":["kube-system/coredns"]}]""")]
    [InlineData("-n foo", """[{"source_pod":["foo/"]},{"destination_pod":["foo/"]}]""")]
    [InlineData("--namespace a --namespace b", """[{"source_pod":["a/","b/"]},{"destination_pod":["a/","b/"]}]""")]
    [InlineData("--from-namespace a --to-namespace b", """[{"source_pod":["a/"],"destination_pod":["b/"]}]""")]
    [InlineData("--from-namespace a --to-pod x", """[{"source_pod":["a/"],"destination_pod":["x"]}]""")]
    [InlineData("--pod x --verdict DROPPED", """[{"source_pod":["x"],"verdict":["DROPPED"]},{"destination_pod":["x"],"verdict":["DROPPED"]}]""")]
    [InlineData("--verdict dropped --verdict AUDIT", """[{"verdict":["DROPPED","AUDIT"]}]""")]
    [InlineData("--ip 10.0.0.0/8", """[{"source_ip":["10.0.0.0/8"]},{"destination_ip":["10.0.0.0/8"]}]""")]
    [InlineData("--to-ip fd00::1 --port 53", """[{"destination_ip":["fd00::1"],"source_port":["53"]},{"destination_ip":["fd00::1"],"destination_port":["53"]}]""")]
    [InlineData("-l app=web", """[{"source_label":["app=web"]},{"destination_label":["app=web"]}]""")]
    [InlineData("--from-label k8s:app=web --to-label app=db", """[{"source_label":["k8s:app=web"],"destination_label":["app=db"]}]""")]
    [InlineData("--identity world --to-identity 5213", "ERR")]
    [InlineData("--from-identity world --to-identity 5213", """[{"source_identity":[2],"destination_identity":[5213]}]""")]
    [InlineData("--type trace:to-endpoint", """[{"event_type":[{"type":4,"match_sub_type":true,"sub_type":0}]}]""")]
    [InlineData("--type trace:connection-end --type 129", """[{"event_type":[{"type":4,"match_sub_type":true,"sub_type":100},{"type":129}]}]""")]
    [InlineData("-t policy-verdict --drop-reason POLICY_DENIED", """[{"event_type":[{"type":5}],"drop_reason_desc":["POLICY_DENIED"]}]""")]
    [InlineData("--protocol tcp --traffic-direction ingress --node-name k8s*", """[{"protocol":["tcp"],"traffic_direction":["INGRESS"],"node_name":["k8s*"]}]""")]
    [InlineData("--policy default/deny-all", """[{"policy":["default/deny-all"]}]""")]
    [InlineData("--workload Deployment/web", """[{"source_workload":[{"kind":"Deployment","name":"web"}]},{"destination_workload":[{"kind":"Deployment","name":"web"}]}]""")]
    public void FilterFlagsBuildHubblesWhitelist(string flags, string whitelistJson)
    {
        if (whitelistJson == "ERR")
        {
            Assert.Throws<ObserveFlagException>(() => Build(flags));
            return;
        }
        var request = Build(flags);
        Assert.Equal(Filters(whitelistJson), request.Whitelist);
        Assert.Empty(request.Blacklist);
    }

    [Fact]
    public void NotSendsOnlyTheNextFilterFlagToTheBlacklist()
    {
        var request = Build("--not --verdict FORWARDED --pod x --not --to-port 53");
        Assert.Equal(Filters("""[{"source_pod":["x"]},{"destination_pod":["x"]}]"""), request.Whitelist);
        Assert.Equal(Filters("""[{"verdict":["FORWARDED"],"destination_port":["53"]}]"""), request.Blacklist);
    }

    [Fact]
    public void NotAppliesInCommandLineOrder()
    {
        var request = Build("--pod x --not --pod y");
        Assert.Equal(Filters("""[{"source_pod":["x"]},{"destination_pod":["x"]}]"""), request.Whitelist);
        Assert.Equal(Filters("""[{"source_pod":["y"]},{"destination_pod":["y"]}]"""), request.Blacklist);
    }

    [Theory]
    [InlineData("--not --not --pod x", "--not", "consecutive")]
    [InlineData("--pod x --not", "--not", "followed by a filter")]
    [InlineData("--verdict NOPE", "--verdict", "FORWARDED, DROPPED")]
    [InlineData("--drop-reason NOPE", "--drop-reason", "POLICY_DENY")]
    [InlineData("--port 70000", "--port", "0 to 65535")]
    [InlineData("--to-port http", "--to-port", "0 to 65535")]
    [InlineData("--ip 10.0.0.300", "--ip", "CIDR")]
    [InlineData("--protocol quic", "--protocol", "tcp, udp")]
    [InlineData("--traffic-direction both", "--traffic-direction", "ingress or egress")]
    [InlineData("--type nope", "--type", "policy-verdict")]
    [InlineData("--type trace:nope", "--type", "to-endpoint")]
    [InlineData("--identity nobody", "--identity", "world")]
    [InlineData("--last many", "--last", "number")]
    [InlineData("--since yesterday", "--since", "RFC 3339")]
    [InlineData("--first 3 --last 2", "--first", "--last")]
    [InlineData("--first 3 --follow", "--first", "--follow")]
    [InlineData("--all --last 2", "--last", "--all")]
    [InlineData("--label a=b --from-label c=d", "--from-label", "cannot be combined")]
    [InlineData("--to-pod x -n y", "--namespace", "cannot be combined")]
    [InlineData("-n a --pod b/x", "--namespace", "namespace conflict")]
    [InlineData("--nope 1", "--nope", "unknown flag")]
    public void BadFlagsAreReportedByName(string flags, string flag, string text)
    {
        var e = Assert.Throws<ObserveFlagException>(() => Build(flags));
        Assert.Equal(flag, e.Flag);
        Assert.Contains(text, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SelectionDefaultsFollowHubble()
    {
        Assert.Equal(20UL, Build("").Number);
        Assert.Equal(20UL, Build("--pod x").Number);
        var follow = Build("-f");
        Assert.True(follow.Follow);
        Assert.Equal(0UL, follow.Number);
        Assert.Equal(5UL, Build("--last 5 --follow").Number);
        var first = Build("--first 3");
        Assert.True(first.First);
        Assert.Equal(3UL, first.Number);
        Assert.Equal(0UL, Build("--all").Number);
    }

    [Fact]
    public void SinceAndUntilTakeDurationsAndTimes()
    {
        var request = Build("--since 1h30m --until 2024-11-23T17:59:00Z");
        Assert.Equal(Timestamp.FromDateTimeOffset(Now.AddMinutes(-90)), request.Since);
        Assert.Equal(Timestamp.FromDateTimeOffset(new DateTimeOffset(2024, 11, 23, 17, 59, 0, TimeSpan.Zero)), request.Until);
        Assert.Equal(0UL, request.Number);
        Assert.Equal(Timestamp.FromDateTimeOffset(new DateTimeOffset(2024, 11, 3, 7, 1, 2, 123, TimeSpan.Zero)),
            ObserveRequestBuilder.Build([("--since", "Nov  3 07:01:02.123")], Now).Since);
        Assert.Equal(Timestamp.FromDateTimeOffset(Now.AddHours(-2)),
            ObserveRequestBuilder.Build([("--since", "2024-11-23T18:00:00+02:00")], Now).Since);
        Assert.Null(Build("--until 5m -f").Until);
    }

    private static GetFlowsRequest Build(string flags) => ObserveRequestBuilder.Build(Split(flags), Now);

    /// <summary>Splits "--flag value --switch" into pairs; a switch is a flag followed by another flag or nothing.</summary>
    private static List<(string, string?)> Split(string flags)
    {
        var words = flags.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var switches = new HashSet<string> { "--not", "-f", "--follow", "--all", "--ipv4", "--ipv6" };
        var pairs = new List<(string, string?)>();
        for (var i = 0; i < words.Length; i++)
        {
            pairs.Add(switches.Contains(words[i]) ? (words[i], null) : (words[i], words[++i]));
        }
        return pairs;
    }

    private static Google.Protobuf.Collections.RepeatedField<Palisade.Observe.Flows.FlowFilter> Filters(string json) =>
        JsonParser.Default.Parse<GetFlowsRequest>($$"""{"whitelist":{{json}}}""").Whitelist;
}
