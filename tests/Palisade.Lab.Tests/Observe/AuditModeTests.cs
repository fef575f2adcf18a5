using System.Text.Json;
using Palisade.Lab.Tests.Support;
using Palisade.Lab.Topology;

namespace Palisade.Lab.Tests.Observe;

/// <summary>
/// Audit (dry-run): a policy applied with <c>--audit</c>, or a whole lab in audit mode, drops nothing in the kernel and
/// reports what it would drop as AUDIT flows naming the policy — what enabling it would break.
/// </summary>
[Trait("Requires", "root")]
public sealed class AuditModeTests
{
    private const string Ns = "miztiik-automation-ns";

    [Fact]
    public async Task ApplyAudit_PolicyWouldDropBlue_TrafficPassesAndIsReportedAsAudit()
    {
        await using var lab = await LabFixture.UpAsync("", null, Examples.Path("red-blue/namespace.yaml"), Examples.Path("red-blue/pods.yaml"));
        var apply = await lab.CliAsync("apply", "--audit", "-f", Examples.Path("red-blue/deny-blue-ingress.yaml"));
        Assert.True(apply.ExitCode == 0, apply.StandardError);
        Assert.Equal("k-shop-blue", (await lab.ExecInAsync(Ns, "k-shop-red", "curl", "-s", "-m", "3", lab.PodIp($"{Ns}/k-shop-blue").ToString())).StandardOutput.Trim());

        var audit = await AuditFlowAsync(lab);
        Assert.Equal("POLICY_DENIED", audit.GetProperty("drop_reason_desc").GetString());
        Assert.Equal("deny-blue-ingress-policy", audit.GetProperty("ingress_isolated_by")[0].GetProperty("name").GetString());
        var compact = await lab.CliAsync("observe", "--verdict", "AUDIT");
        Assert.Contains($"(would be default deny: isolated by {Ns}/deny-blue-ingress-policy; let through)", compact.StandardOutput, StringComparison.Ordinal);

        // Enforced again (applied without --audit): the same connection is dropped.
        Assert.Equal(0, (await lab.CliAsync("apply", "-f", Examples.Path("red-blue/deny-blue-ingress.yaml"))).ExitCode);
        Assert.Equal(28, (await lab.ExecInAsync(Ns, "k-shop-red", "curl", "-s", "-m", "2", lab.PodIp($"{Ns}/k-shop-blue").ToString())).ExitCode);
    }

    [Fact]
    public async Task LabInAuditMode_EveryWouldBeDropPassesAndEndpointsSayAudit()
    {
        await using var lab = await LabFixture.UpAsync("", new LabConfig { Audit = true }, Examples.Path("red-blue/namespace.yaml"), Examples.Path("red-blue/pods.yaml"));
        Assert.Equal(0, (await lab.CliAsync("apply", "-f", Examples.Path("red-blue/allow-red-ingress.yaml"), "-f", Examples.Path("red-blue/deny-blue-ingress.yaml"))).ExitCode);
        Assert.Equal("k-shop-blue", (await lab.ExecInAsync(Ns, "k-shop-red", "curl", "-s", "-m", "3", lab.PodIp($"{Ns}/k-shop-blue").ToString())).StandardOutput.Trim());
        var audit = await AuditFlowAsync(lab);
        Assert.Equal("deny-blue-ingress-policy", audit.GetProperty("ingress_isolated_by")[0].GetProperty("name").GetString());
        var endpoints = await lab.CliAsync("get", "endpoints", "-n", Ns);
        Assert.Matches($@"{Ns}/k-shop-blue\s.*\saudit\s", endpoints.StandardOutput);
    }

    private static async Task<JsonElement> AuditFlowAsync(LabFixture lab)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var result = await lab.CliAsync("observe", "--all", "-o", "json", "--verdict", "AUDIT", "--to-pod", $"{Ns}/k-shop-blue");
            Assert.True(result.ExitCode == 0, result.StandardError);
            var line = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
            if (line is not null) return JsonDocument.Parse(line).RootElement.GetProperty("flow").Clone();
            Assert.True(DateTime.UtcNow < deadline, "no AUDIT flow to blue within 10 s");
            await Task.Delay(200);
        }
    }
}
