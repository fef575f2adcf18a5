using Palisade.Lab.Controller;
using Palisade.Lab.Model;
using Palisade.Lab.Probing;
using Palisade.Lab.System;
using Palisade.Lab.Tests.Support;
using Palisade.Lab.Topology;

namespace Palisade.Lab.Tests.Lifecycle;

/// <summary>A lab's whole life through the CLI, as a user lives it: up, get, apply, exec, delete, down — and what is left.</summary>
[Trait("Requires", "root")]
public sealed class LabLifecycleTests
{
    private const string TwoPods = """
        apiVersion: v1
        kind: Pod
        metadata: {name: web, labels: {app: web}}
        spec:
          nodeName: node-2
          containers:
          - name: web
            image: nginx
            ports: [{containerPort: 8080, name: http}, {containerPort: 5353, protocol: UDP}]
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: client, labels: {app: client}}
        spec: {nodeName: node-1, containers: [{name: c, image: busybox}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec:
          selector: {app: web}
          ports: [{port: 80, targetPort: http}]
        """;

    private const string Extra = """
        apiVersion: v1
        kind: Pod
        metadata: {name: extra, namespace: other}
        spec: {containers: [{name: c, image: busybox, ports: [{containerPort: 9000}]}]}
        """;

    [Fact]
    public async Task UpApplyExecDeleteDown_WorksAndLeavesNothingBehind()
    {
        var linksBefore = await RootLinksAsync();
        var lab = await LabFixture.UpAsync(TwoPods);
        var naming = new LabNaming(lab.Name);
        try
        {
            Assert.Contains(naming.Fabric, LabCleaner.Namespaces(naming));
            Assert.NotEmpty(LabProcesses.Find(lab.Name));
            var get = await lab.CliAsync("get", "pods", "-o", "wide");
            Assert.Equal(0, get.ExitCode);
            Assert.Matches(@"web\s+1/1\s+Running\s+0\s+\S+\s+10\.244\.2\.\d+\s+node-2", get.StandardOutput);

            var curl = await lab.ExecAsync("client", "curl", "-s", "-m", "5", "web.default.svc.cluster.local");
            Assert.Equal("web\n", curl.StandardOutput);

            var apply = await lab.CliWithInputAsync(Extra, "apply", "-f", "-");
            Assert.Equal(0, apply.ExitCode);
            Assert.Contains("pod/extra created", apply.StandardOutput);
            var extraNetns = lab.PodNetns("other/extra");
            Assert.True(Netns.NetworkNamespace.Exists(extraNetns));
            var probe = await Prober.ProbeAsync(lab.PodNetns("client"), LabProtocol.Tcp, lab.PodIp("other/extra"), 9000, TimeSpan.FromSeconds(3));
            Assert.Equal(ProbeOutcome.Connected, probe.Outcome);

            var delete = await lab.CliAsync("delete", "pod", "extra", "-n", "other");
            Assert.Equal(0, delete.ExitCode);
            Assert.Contains("pod/extra deleted", delete.StandardOutput);
            Assert.False(Netns.NetworkNamespace.Exists(extraNetns));
            Assert.DoesNotContain("extra", (await lab.CliAsync("get", "pods", "-A")).StandardOutput);
        }
        finally
        {
            await lab.DisposeAsync();
        }
        Assert.Empty(LabCleaner.Namespaces(naming));
        Assert.Empty(LabProcesses.Find(lab.Name));
        Assert.False(lab.Paths.Exists);
        Assert.DoesNotContain(Directory.Exists("/etc/netns") ? Directory.GetDirectories("/etc/netns") : [], d => Path.GetFileName(d).StartsWith(naming.Prefix, StringComparison.Ordinal));
        Assert.Equal(linksBefore, await RootLinksAsync());
    }

    [Fact]
    public async Task Ports_TcpAndUdp_AreReachedFromAPodOnAnotherNode()
    {
        await using var lab = await LabFixture.UpAsync(TwoPods);
        var client = lab.PodNetns("client");
        var web = lab.PodIp("web");
        Assert.Equal(ProbeOutcome.Connected, (await Prober.ProbeAsync(client, LabProtocol.Tcp, web, 8080, TimeSpan.FromSeconds(3))).Outcome);
        var udp = await Prober.ProbeAsync(client, LabProtocol.Udp, web, 5353, TimeSpan.FromSeconds(3));
        Assert.Equal(ProbeOutcome.Connected, udp.Outcome);
        Assert.Equal("web", udp.Detail?.Trim());
        Assert.Equal(ProbeOutcome.Refused, (await Prober.ProbeAsync(client, LabProtocol.Tcp, web, 8081, TimeSpan.FromSeconds(3))).Outcome);
    }

    [Fact]
    public async Task Exec_PassesStandardInputOutputAndTheExitCode()
    {
        await using var lab = await LabFixture.UpAsync(TwoPods);
        var result = await lab.CliWithInputAsync("hello\n", "exec", "client", "-i", "--", "sh", "-c", "read x; echo got:$x; exit 3");
        Assert.Equal(3, result.ExitCode);
        Assert.Equal("got:hello\n", result.StandardOutput);
        var yaml = (await lab.CliAsync("get", "pods", "-o", "yaml")).StandardOutput;
        Assert.Contains("containerPort: 8080", yaml, StringComparison.Ordinal);   // numbers stay numbers
        Assert.Matches(@"podIP: 10\.244\.2\.\d+", yaml);
        var status = await lab.Cli("lab", "status", "--name", lab.Name);
        Assert.Matches(@"node-2\s+172\.18\.0\.3\s+10\.244\.2\.0/24\s+1\s+\d+", status.StandardOutput);
        var missing = await lab.CliAsync("exec", "nosuchpod", "--", "true");
        Assert.Equal(4, missing.ExitCode);
        Assert.Contains("pods \"nosuchpod\" not found", missing.StandardError);
    }

    [Fact]
    public async Task Up_OverACrashedLab_CleansItsLeftoversFirst()
    {
        var name = LabFixture.NewName();
        var first = await LabFixture.UpNamedAsync(name, TwoPods);
        await LabProcesses.KillAsync(LabProcesses.Find(name));   // a crash: processes gone, namespaces and state left
        Assert.NotEmpty(LabCleaner.Namespaces(new LabNaming(name)));
        await using var second = await LabFixture.UpNamedAsync(name, TwoPods);
        Assert.Contains(second.Messages, m => m.Text?.Contains("cleaning up", StringComparison.Ordinal) == true);
        var curl = await second.ExecAsync("client", "curl", "-s", "-m", "5", "web");
        Assert.Equal("web\n", curl.StandardOutput);
        _ = first;
    }

    [Fact]
    public async Task Controller_Killed_IsReplacedByTheNextApplyWhichKeepsThePods()
    {
        await using var lab = await LabFixture.UpAsync(TwoPods);
        var before = lab.PodIp("web");
        var controller = LabProcesses.Find(lab.Name).Where(p => File.ReadAllText($"/proc/{p}/cmdline").Contains("controller", StringComparison.Ordinal)).ToList();
        Assert.Single(controller);
        await LabProcesses.KillAsync(controller);
        var apply = await lab.CliWithInputAsync(Extra, "apply", "-f", "-");
        Assert.Equal(0, apply.ExitCode);
        Assert.Equal(before, lab.PodIp("web"));
        Assert.Equal("web\n", (await lab.ExecAsync("client", "curl", "-s", "-m", "5", "web")).StandardOutput);
    }

    [Fact]
    public async Task WorkloadProcess_Killed_IsRestartedAndCountedAsARestart()
    {
        await using var lab = await LabFixture.UpAsync(TwoPods);
        var pid = Palisade.Lab.State.LabSnapshot.Read(lab.Paths).Processes["workload:node-2"];
        await LabProcesses.KillAsync([pid]);
        var deadline = DateTime.UtcNow.AddSeconds(15);
        string pods;
        do
        {
            await Task.Delay(200);
            pods = (await lab.CliAsync("get", "pods")).StandardOutput;
        }
        while (!global::System.Text.RegularExpressions.Regex.IsMatch(pods, @"web\s+1/1\s+Running\s+1\b") && DateTime.UtcNow < deadline);
        Assert.Matches(@"web\s+1/1\s+Running\s+1\b", pods);
        Assert.Matches(@"client\s+1/1\s+Running\s+0\b", pods);
        Assert.Equal("web\n", (await lab.ExecAsync("client", "curl", "-s", "-m", "5", "web")).StandardOutput);
    }

    [Fact]
    public async Task Pod_OnAnUnknownNode_StaysPendingWithTheReason()
    {
        await using var lab = await LabFixture.UpAsync("""
            apiVersion: v1
            kind: Pod
            metadata: {name: lost}
            spec: {nodeName: node-9, containers: [{name: c, image: busybox}]}
            """);
        var pods = await lab.CliAsync("get", "pods", "-o", "json");
        Assert.Contains("\"phase\": \"Pending\"", pods.StandardOutput);
        Assert.Contains("node-9 is not a node of this lab", pods.StandardOutput);
    }

    private static async Task<string> RootLinksAsync() =>
        string.Join('\n', (await ProcessRunner.RunCheckedAsync("ip", ["-o", "link", "show"])).Split('\n').Select(l => l.Split(':').ElementAtOrDefault(1)?.Trim()).Order());
}
