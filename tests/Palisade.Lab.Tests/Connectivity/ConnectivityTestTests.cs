using System.Text.Json;
using Palisade.Lab.Model;
using Palisade.Lab.Probing;
using Palisade.Lab.System;
using Palisade.Lab.Tests.Support;

namespace Palisade.Lab.Tests.Connectivity;

/// <summary>
/// <c>palisade connectivity test</c> on a real lab: it probes every pair from inside the pods and sets the kernel's
/// answer beside the engine's prediction; with the nodes' policy tables programmed, they agree — denied cells are
/// really stopped.
/// </summary>
[Trait("Requires", "root")]
public sealed class ConnectivityTestTests
{
    private const string Pods = """
        apiVersion: v1
        kind: Pod
        metadata: {name: a, labels: {app: a}}
        spec: {containers: [{name: c, image: nginx, ports: [{containerPort: 80}]}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: b, labels: {app: b}}
        spec: {containers: [{name: c, image: nginx, ports: [{containerPort: 80}]}]}
        """;

    private const string DenyB = """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: deny-b}
        spec: {podSelector: {matchLabels: {app: b}}, policyTypes: [Ingress]}
        """;

    [Fact]
    public async Task ConnectivityTest_BeforeAndAfterADenyPolicy_KernelAgreesWithTheEngine()
    {
        await using var lab = await LabFixture.UpAsync(Pods);
        var agree = await lab.CliAsync("connectivity", "test", "--probe", "80/TCP", "--probe", "81/UDP", "-o", "json");
        Assert.True(agree.ExitCode == 0, agree.StandardOutput + agree.StandardError);
        using (var json = JsonDocument.Parse(agree.StandardOutput))
        {
            Assert.Equal(4, json.RootElement.GetProperty("observed").GetArrayLength());   // a->b, b->a on two ports
            Assert.Equal(4, json.RootElement.GetProperty("predicted").GetArrayLength());
            Assert.Equal(0, json.RootElement.GetProperty("mismatches").GetArrayLength());
            Assert.All(json.RootElement.GetProperty("observed").EnumerateArray(), c => Assert.True(c.GetProperty("reached").GetBoolean()));
        }

        var first = await lab.CliWithInputAsync(DenyB, "apply", "-f", "-");
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("programming policy", first.StandardError, StringComparison.Ordinal);
        var before = AgentCounters(lab);
        var again = await lab.CliWithInputAsync(DenyB, "apply", "-f", "-");   // a second sync with no change sends nothing to the kernel
        Assert.Contains("networkpolicy.networking.k8s.io/deny-b unchanged", again.StandardOutput, StringComparison.Ordinal);
        var after = AgentCounters(lab);
        Assert.True(after.Syncs > before.Syncs, "the agents did not sync the new generation");
        Assert.Equal(before.Commands, after.Commands);
        var enforced = await lab.CliAsync("connectivity", "test", "--probe", "80/TCP", "--probe", "81/UDP", "-o", "json");
        Assert.True(enforced.ExitCode == 0, enforced.StandardOutput + enforced.StandardError);
        using (var json = JsonDocument.Parse(enforced.StandardOutput))
        {
            var toB = json.RootElement.GetProperty("observed").EnumerateArray().Where(c => c.GetProperty("to").GetString() == "default/b").ToList();
            Assert.Equal(2, toB.Count);
            Assert.All(toB, c => Assert.False(c.GetProperty("reached").GetBoolean()));
            Assert.All(toB, c => Assert.Equal("TIMEOUT", c.GetProperty("outcome").GetString()));
            var predicted = json.RootElement.GetProperty("predicted").EnumerateArray().First(c => c.GetProperty("to").GetString() == "default/b");
            Assert.Contains("isolated by NetworkPolicy default/deny-b", predicted.GetProperty("explanation").ToString(), StringComparison.Ordinal);
        }

        var identities = await lab.CliAsync("get", "identities", "-o", "json");
        Assert.Equal(0, identities.ExitCode);
        Assert.Contains("k8s:app=b", identities.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("default/b", identities.StandardOutput, StringComparison.Ordinal);
        var endpoints = await lab.CliAsync("get", "endpoints");
        Assert.Matches(@"default/b\s+node-\d\s+\d+\s+\d+\s+Enabled\s+Disabled", endpoints.StandardOutput);
        Assert.Matches(@"default/a\s+node-\d\s+\d+\s+\d+\s+Disabled\s+Disabled", endpoints.StandardOutput);
    }

    [Fact]
    public async Task ControllerKilled_EnforcementStaysInTheKernelAndTheNextApplyKeepsIt()
    {
        await using var lab = await LabFixture.UpAsync(Pods + "\n---\n" + DenyB);
        var a = lab.PodNetns("a");
        var b = lab.PodIp("b");
        Assert.Equal(ProbeOutcome.Timeout, (await Prober.ProbeAsync(a, LabProtocol.Tcp, b, 80, TimeSpan.FromSeconds(1))).Outcome);
        var controller = LabProcesses.Find(lab.Name).Where(p => File.ReadAllText($"/proc/{p}/cmdline").Contains("controller", StringComparison.Ordinal)).ToList();
        await LabProcesses.KillAsync(controller);
        Assert.Equal(ProbeOutcome.Timeout, (await Prober.ProbeAsync(a, LabProtocol.Tcp, b, 80, TimeSpan.FromSeconds(1))).Outcome);
        Assert.Equal(0, (await lab.CliWithInputAsync("apiVersion: v1\nkind: Pod\nmetadata: {name: c}\nspec: {containers: [{name: c, image: busybox}]}\n", "apply", "-f", "-")).ExitCode);
        Assert.Equal(ProbeOutcome.Timeout, (await Prober.ProbeAsync(a, LabProtocol.Tcp, b, 80, TimeSpan.FromSeconds(1))).Outcome);
        Assert.Equal(ProbeOutcome.Connected, (await Prober.ProbeAsync(lab.PodNetns("b"), LabProtocol.Tcp, lab.PodIp("a"), 80, TimeSpan.FromSeconds(2))).Outcome);
    }

    /// <summary>The node agents' syncs and nft commands sent, summed over nodes.</summary>
    private static (long Syncs, long Commands) AgentCounters(LabFixture lab)
    {
        using var store = Store.LabStore.Open(lab.Paths.StateDb);
        var agents = store.Agents().Values.ToList();
        Assert.Equal(2, agents.Count);
        return (agents.Sum(a => a.Syncs), agents.Sum(a => a.Commands));
    }
}
