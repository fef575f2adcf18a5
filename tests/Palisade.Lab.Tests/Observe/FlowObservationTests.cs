using System.Text.Json;
using Palisade.Lab.Tests.Support;
using Palisade.Lab.Topology;

namespace Palisade.Lab.Tests.Observe;

/// <summary>
/// Flows seen by the nodes' kernels reach <c>palisade observe</c> through the agents and the relay, with the verdict
/// and the rule that decided each — default denies naming the policy that isolated the pod — in the seed scenarios.
/// </summary>
[Trait("Requires", "root")]
public sealed class FlowObservationTests
{
    private const string Ns = "miztiik-automation-ns";

    [Fact]
    public async Task RedBlue_DroppedFlowsNameTheIsolatingPolicyAndAllowedOnesTheAllowingRule()
    {
        await using var lab = await LabFixture.UpAsync("", null, Examples.Path("red-blue/namespace.yaml"), Examples.Path("red-blue/pods.yaml"));
        Assert.Equal(0, (await lab.CliAsync("apply", "-f", Examples.Path("red-blue/allow-red-ingress.yaml"), "-f", Examples.Path("red-blue/deny-blue-ingress.yaml"))).ExitCode);
        var red = lab.PodIp($"{Ns}/k-shop-red").ToString();
        var blue = lab.PodIp($"{Ns}/k-shop-blue").ToString();
        Assert.Equal(0, (await lab.ExecInAsync(Ns, "k-shop-blue", "curl", "-s", "-m", "3", red)).ExitCode);
        Assert.Equal(28, (await lab.ExecInAsync(Ns, "k-shop-red", "curl", "-s", "-m", "2", blue)).ExitCode);

        var drops = await FlowsAsync(lab, f => Pod(f, "destination") == $"{Ns}/k-shop-blue", "--verdict", "DROPPED");
        Assert.All(drops, f => Assert.Equal("DROPPED", f.GetProperty("verdict").GetString()));
        var drop = drops.First(f => Pod(f, "source") == $"{Ns}/k-shop-red");
        Assert.Equal("POLICY_DENIED", drop.GetProperty("drop_reason_desc").GetString());
        Assert.Equal("INGRESS", drop.GetProperty("traffic_direction").GetString());
        Assert.Equal(80, drop.GetProperty("l4").GetProperty("TCP").GetProperty("destination_port").GetInt32());
        Assert.True(drop.GetProperty("l4").GetProperty("TCP").GetProperty("flags").GetProperty("SYN").GetBoolean());
        Assert.Equal(["deny-blue-ingress-policy"], Names(drop, "ingress_isolated_by"));

        var allowed = await FlowsAsync(lab, f => Pod(f, "source") == $"{Ns}/k-shop-blue", "--to-pod", $"{Ns}/k-shop-red", "--traffic-direction", "ingress");
        Assert.All(allowed, f => Assert.Equal("FORWARDED", f.GetProperty("verdict").GetString()));
        Assert.Contains("allow-red-ingress-policy", Names(allowed[0], "ingress_allowed_by"));

        var compact = await lab.CliAsync("observe", "--verdict", "DROPPED");
        Assert.Matches($@"{Ns}/k-shop-red:\d+ .*-> {Ns}/k-shop-blue:80 .*DROPPED \(default deny: isolated by {Ns}/deny-blue-ingress-policy\) TCP SYN", compact.StandardOutput);
        // --not sends the next filter to the blacklist: every drop here goes to blue, so none is left.
        var none = await lab.CliAsync("observe", "--verdict", "DROPPED", "--not", "--to-pod", $"{Ns}/k-shop-blue", "-o", "json");
        Assert.Equal(0, none.ExitCode);
        Assert.Equal("", none.StandardOutput.Trim());

        // Each agent's metrics count exactly the drops its ring holds (nothing overflowed: 4096 flows per node).
        foreach (var node in new[] { "node-1", "node-2" })
        {
            var metrics = await lab.CliAsync("lab", "metrics", "--node", node);
            Assert.True(metrics.ExitCode == 0, metrics.StandardError);
            var counted = Sum(metrics.StandardOutput, "palisade_drop_total{");
            Assert.Equal((await ObserveAsync(lab, "--verdict", "DROPPED", "--node-name", node)).Count, counted);
            Assert.Equal((await ObserveAsync(lab, "--node-name", node)).Count, Sum(metrics.StandardOutput, "palisade_flows_processed_total{"));
        }
        Assert.Contains($"palisade_drop_total{{reason=\"POLICY_DENIED\",protocol=\"TCP\",source=\"{Ns}\",destination=\"{Ns}\"}}", (await lab.CliAsync("lab", "metrics")).StandardOutput, StringComparison.Ordinal);
    }

    private static long Sum(string exposition, string prefix) =>
        exposition.Split('\n').Where(l => l.StartsWith(prefix, StringComparison.Ordinal)).Sum(l => (long)double.Parse(l[(l.LastIndexOf(' ') + 1)..], global::System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public async Task StarWars_TheXwingsDropNamesRule1AndTheTiefightersLandingIsAllowedByIt()
    {
        await using var lab = await LabFixture.UpAsync("", new LabConfig(), Examples.Path("starwars/app/http-sw-app.yaml"));
        Assert.Equal(0, (await lab.CliAsync("apply", "-f", Examples.Path("starwars/policies/sw_l3_l4_policy.yaml"))).ExitCode);
        Assert.Equal(28, (await lab.ExecAsync("xwing", "curl", "-s", "-m", "2", "-XPOST", "deathstar/v1/request-landing")).ExitCode);
        Assert.Equal("Ship landed\n", (await lab.ExecAsync("tiefighter", "curl", "-s", "-m", "5", "-XPOST", "deathstar/v1/request-landing")).StandardOutput);

        var xwing = await FlowsAsync(lab, f => f.GetProperty("verdict").GetString() == "DROPPED", "--from-pod", "default/xwing");
        Assert.All(xwing, f => Assert.Equal("default/xwing", Pod(f, "source")));
        var drop = xwing.First(f => f.GetProperty("verdict").GetString() == "DROPPED");
        Assert.StartsWith("default/deathstar-", Pod(drop, "destination"), StringComparison.Ordinal);
        Assert.Equal(["rule1"], Names(drop, "ingress_isolated_by"));
        var compact = await lab.CliAsync("observe", "--from-pod", "default/xwing", "--verdict", "DROPPED");
        Assert.Contains("isolated by default/rule1", compact.StandardOutput, StringComparison.Ordinal);

        var landed = await FlowsAsync(lab, f => f.TryGetProperty("ingress_allowed_by", out _), "--from-pod", "default/tiefighter", "--verdict", "FORWARDED", "--policy", "rule1");
        var hit = landed[0].GetProperty("ingress_allowed_by")[0];
        Assert.Equal(("rule1", "CiliumNetworkPolicy", "ingress[0]"), (hit.GetProperty("name").GetString(), hit.GetProperty("kind").GetString(), hit.GetProperty("rule").GetString()));
    }

    [Fact]
    public async Task ConnectionEnd_WhenConntrackForgetsTheConnection_IsAFlowWithBothDirectionsCounts()
    {
        await using var lab = await LabFixture.UpAsync("", null, Examples.Path("red-blue/namespace.yaml"), Examples.Path("red-blue/pods.yaml"));
        Assert.Equal("k-shop-red", (await lab.ExecInAsync(Ns, "k-shop-blue", "curl", "-s", "-m", "3", lab.PodIp($"{Ns}/k-shop-red").ToString())).StandardOutput.Trim());
        // Conntrack forgets a closed connection after TIME_WAIT (120 s) and its collector may come later still: the
        // test empties the nodes' tables (what `conntrack -F` does), which ends every connection at once.
        foreach (var node in new[] { "node-1", "node-2" }) Palisade.Observe.Kernel.ConntrackTable.Flush(new LabNaming(lab.Name).Node(node));
        var ends = await FlowsAsync(lab, f => f.TryGetProperty("counters", out _) && Pod(f, "source") == $"{Ns}/k-shop-blue", "--type", "trace:connection-end", "--to-port", "80");
        var end = ends.First(f => Pod(f, "source") == $"{Ns}/k-shop-blue");
        Assert.Equal($"{Ns}/k-shop-red", Pod(end, "destination"));
        Assert.Equal("FORWARDED", end.GetProperty("verdict").GetString());
        var counters = end.GetProperty("counters");
        Assert.True(ulong.Parse(counters.GetProperty("packets_original").GetString()!, global::System.Globalization.CultureInfo.InvariantCulture) >= 3, counters.ToString());   // SYN, ACK, request, FIN...
        Assert.True(ulong.Parse(counters.GetProperty("bytes_reply").GetString()!, global::System.Globalization.CultureInfo.InvariantCulture) > 0, counters.ToString());
    }

    /// <summary>The flows <c>observe -o json --all</c> prints with <paramref name="filters"/>, once one satisfies <paramref name="until"/> (they reach the agents' rings asynchronously).</summary>
    private static async Task<List<JsonElement>> FlowsAsync(LabFixture lab, Func<JsonElement, bool> until, params string[] filters)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var flows = await ObserveAsync(lab, filters);
            if (flows.Any(until)) return flows;
            Assert.True(DateTime.UtcNow < deadline, $"no flow as expected within 20 s; observe printed:\n{string.Join("\n", flows)}");
            await Task.Delay(200);
        }
    }

    /// <summary>Every flow the lab's rings hold that <paramref name="filters"/> select, as <c>observe --all -o json</c> prints them.</summary>
    private static async Task<List<JsonElement>> ObserveAsync(LabFixture lab, params string[] filters)
    {
        var result = await lab.CliAsync(["observe", "--all", "-o", "json", .. filters]);
        Assert.True(result.ExitCode == 0, result.StandardError);
        return [.. result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement).Where(r => r.TryGetProperty("flow", out _)).Select(r => r.GetProperty("flow").Clone())];
    }

    private static string Pod(JsonElement flow, string side) =>
        flow.TryGetProperty(side, out var e) && e.TryGetProperty("pod_name", out var pod) ? $"{e.GetProperty("namespace").GetString()}/{pod.GetString()}" : "";

    private static List<string> Names(JsonElement flow, string list) =>
        flow.TryGetProperty(list, out var policies) ? [.. policies.EnumerateArray().Select(p => p.GetProperty("name").GetString()!)] : [];
}
