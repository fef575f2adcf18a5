using Palisade.Lab.Store;
using Palisade.Lab.Tests.Support;

namespace Palisade.Lab.Tests.Agents;

/// <summary>In a lab, pods of a known class come and go without an engine rebuild, and the kernel still agrees with the engine.</summary>
[Trait("Requires", "root")]
public sealed class AgentPodSyncTests
{
    private const string Lab = AgentFaultTests.Pods + """

        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: b-from-a}
        spec:
          podSelector: {matchLabels: {app: b}}
          ingress: [{from: [{podSelector: {matchLabels: {app: a}}}], ports: [{port: 80}]}]
        """;

    private const string Twin = """
        apiVersion: v1
        kind: Pod
        metadata: {name: a2, labels: {app: a}}
        spec: {nodeName: node-1, containers: [{name: c, image: nginx, ports: [{containerPort: 80}]}]}
        """;

    [Fact]
    public async Task PodOfAKnownClass_AddedAndDeleted_IsPatchedOnEveryNodeAndEnforced()
    {
        await using var lab = await LabFixture.UpAsync(Lab);
        var before = Agents(lab);

        var apply = await lab.CliWithInputAsync(Twin, "apply", "-f", "-");
        Assert.True(apply.ExitCode == 0, apply.StandardError);
        var added = Agents(lab);
        Assert.All(added, a => Assert.Equal(before[a.Key].Patches + 1, a.Value.Patches));
        Assert.All(added, a => Assert.Equal(before[a.Key].FullLoads, a.Value.FullLoads));
        var reached = await lab.ExecAsync("a2", "curl", "-s", "-m", "3", "-o", "/dev/null", "-w", "%{http_code}", LabFixtureIp(lab, "b"));
        Assert.Equal("200", reached.StandardOutput.Trim());
        await AssertAgreesAsync(lab);

        Assert.Equal(0, (await lab.CliAsync("delete", "pod", "a2")).ExitCode);
        Assert.All(Agents(lab), a => Assert.Equal(added[a.Key].Patches + 1, a.Value.Patches));
        await AssertAgreesAsync(lab);
    }

    [Fact]
    public async Task PolicyChanged_IsPatchedOnEveryNodeAndEnforced()
    {
        await using var lab = await LabFixture.UpAsync(Lab);
        var before = Agents(lab);
        var narrowed = Lab[Lab.IndexOf("apiVersion: networking.k8s.io/v1", StringComparison.Ordinal)..].Replace("port: 80", "port: 81", StringComparison.Ordinal);
        Assert.Equal(0, (await lab.CliWithInputAsync(narrowed, "apply", "-f", "-")).ExitCode);
        var after = Agents(lab);
        Assert.All(after, a => Assert.Equal(before[a.Key].Patches + 1, a.Value.Patches));
        Assert.All(after, a => Assert.Equal(before[a.Key].FullLoads, a.Value.FullLoads));
        var stopped = await lab.ExecAsync("a", "curl", "-s", "-m", "2", "-o", "/dev/null", "-w", "%{http_code}", LabFixtureIp(lab, "b"));
        Assert.NotEqual(0, stopped.ExitCode);   // 80 is no longer allowed from a
        await AssertAgreesAsync(lab);
    }

    [Fact]
    public async Task PodOfANewClass_Added_RebuildsTheEngine()
    {
        await using var lab = await LabFixture.UpAsync(Lab);
        var before = Agents(lab);
        Assert.Equal(0, (await lab.CliWithInputAsync(Twin.Replace("app: a}", "app: c}", StringComparison.Ordinal), "apply", "-f", "-")).ExitCode);
        Assert.All(Agents(lab), a => Assert.Equal(before[a.Key].Patches, a.Value.Patches));
        await AssertAgreesAsync(lab);
    }

    private static IReadOnlyDictionary<string, AgentRecord> Agents(LabFixture lab)
    {
        using var store = LabStore.Open(lab.Paths.StateDb);
        var agents = store.Agents();
        Assert.Equal(2, agents.Count);
        return agents;
    }

    private static string LabFixtureIp(LabFixture lab, string pod) =>
        Palisade.Lab.State.LabSnapshot.Read(lab.Paths).Records.Single(r => r.Name == pod).Ip.ToString();

    private static async Task AssertAgreesAsync(LabFixture lab)
    {
        var test = await lab.CliAsync("connectivity", "test", "--probe", "80/TCP", "--timeout", "1");
        Assert.True(test.ExitCode == 0, test.StandardOutput + test.StandardError);
    }
}
