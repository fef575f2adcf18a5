using System.Net;
using System.Text.Json;
using Palisade.Lab.Model;
using Palisade.Lab.Netns;
using Palisade.Lab.Probing;
using Palisade.Lab.Tests.Support;
using Palisade.Lab.Workloads;

namespace Palisade.Lab.Tests.Workloads;

public sealed class WorkloadHostProtocolTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    [Trait("Requires", "root")]
    public async Task RunAsync_AddThenRemove_ServesThePodBetweenReadyAndRemoved()
    {
        await using var nets = new TestNetworks();
        var pod = await nets.NamespaceAsync("pod");
        using var pipes = new ProtocolPipes();
        var run = WorkloadHostProtocol.RunAsync(pipes.Commands, pipes.Events, null, CancellationToken.None);

        await pipes.SendAsync($$$"""{"op":"add","spec":{"key":"default/web","netns":"{{{pod}}}","podName":"web","image":null,"ports":[{"name":"http","port":8080,"protocol":"TCP"},{"port":5353,"protocol":"udp"}]}}""");
        var ready = await pipes.NextEventAsync();
        var whileServed = await WorkloadHostTests.ProbeAsync(pod, new LabPort(null, 8080, LabProtocol.Tcp));
        await pipes.SendAsync("""{"op":"remove","key":"default/web"}""");
        var removed = await pipes.NextEventAsync();
        var afterRemoval = await WorkloadHostTests.ProbeAsync(pod, new LabPort(null, 8080, LabProtocol.Tcp));
        pipes.CloseCommands();

        Assert.Equal("""{"event":"ready","key":"default/web","ports":["8080/TCP","5353/UDP"],"skipped":[]}""", ready);
        Assert.Equal(ProbeOutcome.Connected, whileServed.Outcome);
        Assert.Equal("""{"event":"removed","key":"default/web"}""", removed);
        Assert.Equal(ProbeOutcome.Refused, afterRemoval.Outcome);
        Assert.Equal(0, await run.WaitAsync(Patience));
    }

    [Fact]
    [Trait("Requires", "root")]
    public async Task ExecuteAsync_AddWithAnSctpPort_ReportsItServedOrSkippedAsTheKernelAllows()
    {
        await using var nets = new TestNetworks();
        var pod = await nets.NamespaceAsync("pod");
        await using var host = new WorkloadHost();

        var answer = await WorkloadHostProtocol.ExecuteAsync(host, $$$"""{"op":"add","spec":{"key":"core/mme","netns":"{{{pod}}}","podName":"mme","ports":[{"port":36412,"protocol":"SCTP"}]}}""");

        Assert.Equal("ready", answer.Event);
        Assert.Equal(KernelFeatures.HasSctp ? ["36412/SCTP"] : [], answer.Ports);
        Assert.Equal(KernelFeatures.HasSctp ? [] : ["36412/SCTP: " + KernelFeatures.SctpMissing], answer.Skipped);
    }

    [Fact]
    [Trait("Requires", "root")]
    public async Task ExecuteAsync_AddWithAPortInUse_IsAFailedEventNamingThePort()
    {
        await using var nets = new TestNetworks();
        var pod = await nets.NamespaceAsync("pod");
        await using var host = new WorkloadHost();
        var add = $$$"""{"op":"add","spec":{"key":"default/web","netns":"{{{pod}}}","podName":"web","ports":[{"port":8080,"protocol":"TCP"}]}}""";
        await WorkloadHostProtocol.ExecuteAsync(host, add.Replace("default/web", "default/first", StringComparison.Ordinal));

        var answer = await WorkloadHostProtocol.ExecuteAsync(host, add);

        Assert.Equal(("failed", "default/web"), (answer.Event, answer.Key));
        Assert.StartsWith("8080/TCP: cannot listen on 0.0.0.0:8080/TCP: Address already in use", answer.Error);
    }

    [Theory]
    [InlineData("not json", null, "cannot read the command")]
    [InlineData("""{"op":"launch","key":"default/web"}""", "default/web", "a command is")]
    [InlineData("""{"op":"add","spec":{"key":"default/web","podName":"web","ports":[]}}""", "default/web", "needs key, netns, podName and ports")]
    [InlineData("""{"op":"add","spec":{"key":"default/web","netns":"plt-no-such-netns","podName":"web","ports":[]}}""", "default/web", "plt-no-such-netns does not exist")]
    public async Task ExecuteAsync_BadCommand_IsAFailedEventThatSaysWhy(string line, string? key, string error)
    {
        await using var host = new WorkloadHost();

        var answer = await WorkloadHostProtocol.ExecuteAsync(host, line);

        Assert.Equal(("failed", key), (answer.Event, answer.Key));
        Assert.Contains(error, answer.Error);
    }

    [Fact]
    public void Json_SpecWithPortsAndTlsNames_RoundTrips()
    {
        var spec = new WorkloadSpec("world/twitter", "lab-world", "twitter", "quay.io/cilium/json-mock:v1",
            [new LabPort("http", 80, LabProtocol.Tcp), new LabPort(null, 53, LabProtocol.Udp), new LabPort("s1ap", 36412, LabProtocol.Sctp)], ["api.twitter.com"]);

        var json = JsonSerializer.Serialize(new WorkloadCommand("add", spec), WorkloadJson.Options);

        Assert.Contains("""{"port":53,"protocol":"UDP"}""", json);
        Assert.Equal(spec, JsonSerializer.Deserialize<WorkloadCommand>(json, WorkloadJson.Options)!.Spec);
    }

    [Theory]
    [InlineData("10.0.1.5")]
    [InlineData("fd00::5")]
    public void Json_IPAddress_RoundTripsAsText(string address)
    {
        var json = JsonSerializer.Serialize(IPAddress.Parse(address), WorkloadJson.Options);

        Assert.Equal($"\"{address}\"", json);
        Assert.Equal(IPAddress.Parse(address), JsonSerializer.Deserialize<IPAddress>(json, WorkloadJson.Options));
    }

    [Fact]
    public void Json_NotAnAddress_IsAJsonError() =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<IPAddress>("\"10.0.0.300\"", WorkloadJson.Options));
}
