using System.Text.Json;
using Palisade.Lab.Tests.Support;

namespace Palisade.Lab.Tests.Connectivity;

/// <summary>
/// <c>palisade connectivity test</c> on a real lab: it probes every pair from inside the pods and sets the kernel's
/// answer beside the engine's prediction. The kernel does not enforce policy yet (the nftables data plane is the next
/// issue), so a policy that denies must show up as a disagreement carrying the engine's reason.
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
    public async Task ConnectivityTest_NoPolicy_AgreesEverywhereAndPolicyNotYetEnforced_IsReportedWithTheEngineReason()
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

        Assert.Equal(0, (await lab.CliWithInputAsync(DenyB, "apply", "-f", "-")).ExitCode);
        var disagree = await lab.CliAsync("connectivity", "test", "--probe", "80/TCP");
        Assert.Equal(1, disagree.ExitCode);
        Assert.Contains("MISMATCH default/a -> default/b 80/TCP: engine predicted denied, kernel let it through (OK)", disagree.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("isolated by NetworkPolicy default/deny-b", disagree.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("2 probes: 1 agree, 1 disagree", disagree.StandardOutput, StringComparison.Ordinal);

        var endpoints = await lab.CliAsync("get", "endpoints");
        Assert.Matches(@"default/b\s+node-\d\s+\d+\s+Enabled\s+Disabled", endpoints.StandardOutput);
        Assert.Matches(@"default/a\s+node-\d\s+\d+\s+Disabled\s+Disabled", endpoints.StandardOutput);
    }
}
