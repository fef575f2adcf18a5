using Palisade.Lab.Model;
using Palisade.Lab.Probing;
using Palisade.Lab.Tests.Support;
using Palisade.Lab.Topology;

namespace Palisade.Lab.Tests.Lifecycle;

/// <summary>The seed examples come up in a lab and their tutorials' traffic flows (before enforcement, every pod reaches every pod).</summary>
[Trait("Requires", "root")]
public sealed class ExampleLabTests
{
    private static string Example(string path) => Examples.Path(path);

    [Fact]
    public async Task StarWars_ShipsLandThroughTheServiceNameAndTheMediabotReachesTheWorldOverHttps()
    {
        var config = new LabConfig { ExternalHosts = [new ExternalHostSpec("api.twitter.com", null)] };
        await using var lab = await LabFixture.UpAsync("", config, Example("starwars/app/http-sw-app.yaml"), Example("starwars/app/dns-sw-app.yaml"));
        var landing = await lab.ExecAsync("xwing", "curl", "-s", "-m", "5", "-XPOST", "deathstar.default.svc.cluster.local/v1/request-landing");
        Assert.Equal("Ship landed\n", landing.StandardOutput);
        var exhaust = await lab.ExecAsync("tiefighter", "curl", "-s", "-m", "5", "-XPUT", "deathstar.default.svc.cluster.local/v1/exhaust-port");
        Assert.StartsWith("Panic: deathstar exploded", exhaust.StandardOutput, StringComparison.Ordinal);
        var world = await lab.ExecAsync("mediabot", "curl", "-sL", "-m", "5", "https://api.twitter.com");
        Assert.Equal(0, world.ExitCode);
        Assert.Contains("api.twitter.com", world.StandardOutput, StringComparison.Ordinal);
        var unknown = await lab.ExecAsync("mediabot", "curl", "-sL", "-m", "5", "https://help.twitter.com");
        Assert.Equal(6, unknown.ExitCode);   // curl: could not resolve host — the lab's DNS knows only the world hosts it has

        // Seed 004's L3/L4 rule1 enforced: the tiefighter lands, the xwing times out, and the kernel agrees with the
        // engine on every pair (both deathstar replicas, on both nodes, are protected).
        var apply = await lab.CliAsync("apply", "-f", Example("starwars/policies/sw_l3_l4_policy.yaml"));
        Assert.Equal(0, apply.ExitCode);
        Assert.Equal("Ship landed\n", (await lab.ExecAsync("tiefighter", "curl", "-s", "-m", "5", "-XPOST", "deathstar/v1/request-landing")).StandardOutput);
        Assert.Equal(28, (await lab.ExecAsync("xwing", "curl", "-s", "-m", "2", "-XPOST", "deathstar/v1/request-landing")).ExitCode);
        var test = await lab.CliAsync("connectivity", "test");
        Assert.True(test.ExitCode == 0, test.StandardOutput);
        Assert.Matches(@"default/xwing\s+X\s+X\s", test.StandardOutput);
    }

    [Fact]
    public async Task SockShop_AllPodsRunAndTheRoguePodReachesUserDbThroughItsServiceName()
    {
        await using var lab = await LabFixture.UpAsync("", null, Example("sock-shop/complete-demo.yaml"), Example("sock-shop/rogue.yaml"));
        var pods = await lab.CliAsync("get", "pods", "-n", "sock-shop");
        Assert.Equal(0, pods.ExitCode);
        var lines = pods.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        Assert.True(lines.Count >= 14, pods.StandardOutput);
        Assert.All(lines, l => Assert.Matches(@"\s1/1\s+Running\s", l));
        var probe = await lab.ExecAsync("rogue-1", "dotnet", Path.Combine(AppContext.BaseDirectory, "palisade.dll"), "probe", "user-db.sock-shop.svc.cluster.local:27017", "--timeout", "3s");
        Assert.Equal(0, probe.ExitCode);
        var frontEnd = await lab.ExecAsync("rogue-1", "curl", "-s", "-m", "5", "front-end.sock-shop");
        Assert.StartsWith("front-end-", frontEnd.StandardOutput, StringComparison.Ordinal);
        var userDb = lab.PodIp("sock-shop/" + PodOf(lines, "user-db"));
        var closed = await lab.CliAsync("probe", "--from", "rogue-1", $"{userDb}:27018", "--timeout", "2s");
        Assert.Equal(1, closed.ExitCode);
        Assert.Contains("REFUSED", closed.StandardError, StringComparison.Ordinal);

        // Seed 002's policy enforced: the rogue pod is stopped, user still reaches user-db, the shop still serves.
        Assert.Equal(0, (await lab.CliAsync("apply", "-f", Example("sock-shop/user-db-allow-from-user.yaml"))).ExitCode);
        var blocked = await lab.CliAsync("probe", "--from", "rogue-1", $"{userDb}:27017", "--timeout", "2s");
        Assert.Equal(1, blocked.ExitCode);
        Assert.Contains("TIMEOUT", blocked.StandardError, StringComparison.Ordinal);
        Assert.Equal(0, (await lab.CliAsync("probe", "--from", "sock-shop/" + PodOf(lines, "user"), $"{userDb}:27017", "--timeout", "2s")).ExitCode);
        Assert.StartsWith("front-end-", (await lab.ExecAsync("rogue-1", "curl", "-s", "-m", "5", "front-end.sock-shop")).StandardOutput, StringComparison.Ordinal);
        var test = await lab.CliAsync("connectivity", "test", "--probe", "27017/TCP", "-n", "sock-shop");
        Assert.True(test.ExitCode == 0, test.StandardOutput);
    }

    [Fact]
    public async Task RedBlue_BothPodsAnswerHttpWithTheirNames()
    {
        await using var lab = await LabFixture.UpAsync("", null, Example("red-blue/namespace.yaml"), Example("red-blue/pods.yaml"));
        var red = lab.PodIp("miztiik-automation-ns/k-shop-red");
        var blue = lab.PodIp("miztiik-automation-ns/k-shop-blue");
        Assert.Equal("k-shop-red\n", (await lab.ExecInAsync("miztiik-automation-ns", "k-shop-blue", "curl", "-s", "-m", "5", red.ToString())).StandardOutput);
        Assert.Equal("k-shop-blue\n", (await lab.ExecInAsync("miztiik-automation-ns", "k-shop-red", "curl", "-s", "-m", "5", blue.ToString())).StandardOutput);
        var tcp = await Prober.ProbeAsync(lab.PodNetns("miztiik-automation-ns/k-shop-red"), LabProtocol.Tcp, blue, 80, TimeSpan.FromSeconds(3));
        Assert.Equal(ProbeOutcome.Connected, tcp.Outcome);
    }

    private static string PodOf(IEnumerable<string> lines, string workload) =>
        lines.Select(l => l.Split(' ')[0]).First(n => n.StartsWith(workload + "-", StringComparison.Ordinal) && n.Count(c => c == '-') == workload.Count(c => c == '-') + 2);
}
