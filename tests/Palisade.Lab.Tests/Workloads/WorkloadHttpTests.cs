using Palisade.Lab.Model;
using Palisade.Lab.Tests.Support;
using Palisade.Lab.Workloads;

namespace Palisade.Lab.Tests.Workloads;

[Trait("Requires", "root")]
public sealed class WorkloadHttpTests
{
    private const string Loopback = "127.0.0.1";
    private static readonly LabPort Http = new("http", 8080, LabProtocol.Tcp);

    [Fact]
    public async Task Deathstar_LandingAndExhaustPort_AnswerAsTheRealDemo()
    {
        await using var nets = new TestNetworks();
        var pod = await nets.NamespaceAsync("pod");
        await using var host = new WorkloadHost();
        await host.AddAsync(new WorkloadSpec("default/deathstar-1", pod, "deathstar-1", "quay.io/cilium/starwars:v2.1@sha256:abc", []));

        var landing = await TestNetworks.ExecAsync(pod, "curl", "-s", "-m", "10", "-X", "POST", "http://127.0.0.1/v1/request-landing");
        var exhaust = await TestNetworks.ExecAsync(pod, "curl", "-s", "-m", "10", "-w", "%{http_code}", "-X", "PUT", "http://127.0.0.1/v1/exhaust-port");

        Assert.Equal("Ship landed\n", landing.StandardOutput);
        Assert.Equal(DeathstarApi.ExhaustPortPanic + "503", exhaust.StandardOutput);
        Assert.StartsWith("Panic: deathstar exploded\n\ngoroutine 1 [running]:\n", exhaust.StandardOutput);
    }

    [Fact]
    public async Task Deathstar_DescriptionHealthAndUnknownPaths_AnswerOnOneConnection()
    {
        await using var nets = new TestNetworks();
        var pod = await nets.NamespaceAsync("pod");
        await using var host = new WorkloadHost();
        await host.AddAsync(new WorkloadSpec("default/deathstar-1", pod, "deathstar-1", "docker.io/cilium/starwars", []));
        using var client = await PodClient.ConnectAsync(pod, Loopback, 80);

        var description = await client.RequestAsync("GET", "/v1/");
        var health = await client.RequestAsync("GET", "/v1/healthz");
        var unknown = await client.RequestAsync("GET", "/v1/cargobay");

        Assert.True(description.Has("Content-Type: application/json"));
        Assert.StartsWith("{\"name\":\"Death Star\",\"hostname\":\"deathstar-1\",\"model\":\"DS-1 Orbital Battle Station\"", description.Body);
        Assert.EndsWith("\"PUT   /v1/exhaust-port\"]}\n", description.Body);
        Assert.Equal(200, health.Status);
        Assert.Equal((404, "Not Found\n"), (unknown.Status, unknown.Body));
    }

    [Fact]
    public async Task JsonMock_WithoutDeclaredPorts_ServesItsNameOnPort80()
    {
        await using var nets = new TestNetworks();
        var pod = await nets.NamespaceAsync("pod");
        await using var host = new WorkloadHost();
        await host.AddAsync(new WorkloadSpec("default/tiefighter", pod, "tiefighter", "quay.io/cilium/json-mock:v1.3.8", []));
        using var client = await PodClient.ConnectAsync(pod, Loopback, 80);

        var answer = await client.RequestAsync("GET", "/public");

        Assert.Equal((200, "tiefighter\n"), (answer.Status, answer.Body));
        Assert.True(answer.Has("X-Pod-Name: tiefighter"));
    }

    [Fact]
    public async Task Request_WithBodyThenConnectionClose_ReadsTheBodyAndClosesAfterTheAnswer()
    {
        await using var pod = await ServedPodAsync();
        using var client = await PodClient.ConnectAsync(pod.Netns, Loopback, Http.Port);

        var posted = await client.RequestAsync("POST", "/upload", body: new string('x', 20000));
        var last = await client.RequestAsync("GET", "/", extraHeaders: "Connection: close\r\n");

        Assert.Equal(("web\n", "web\n"), (posted.Body, last.Body));
        Assert.True(last.Has("Connection: close"));
        Assert.True(await client.IsClosedByServerAsync());
    }

    [Fact]
    public async Task Request_Head_HasTheLengthButNoBody()
    {
        await using var pod = await ServedPodAsync();
        using var client = await PodClient.ConnectAsync(pod.Netns, Loopback, Http.Port);

        var head = await client.RequestAsync("HEAD", "/");
        var next = await client.RequestAsync("GET", "/");

        Assert.True(head.Has("Content-Length: 4"));
        Assert.Equal("", head.Body);
        Assert.Equal("web\n", next.Body);
    }

    [Fact]
    public async Task Request_CurlWithALargeBody_GetsContinueAndAnAnswer()
    {
        await using var pod = await ServedPodAsync();

        var curl = await TestNetworks.ExecAsync(pod.Netns, "sh", "-c", "head -c 2000000 /dev/zero | curl -s -m 10 -H 'Expect: 100-continue' --data-binary @- http://127.0.0.1:8080/");

        Assert.Equal("web\n", curl.StandardOutput);
    }

    [Fact]
    public async Task Request_HugeHeaders_Get431AndAClose()
    {
        await using var pod = await ServedPodAsync();
        using var client = await PodClient.ConnectAsync(pod.Netns, Loopback, Http.Port);

        await client.SendAsync("GET / HTTP/1.1\r\nHost: pod\r\nX-Big: " + new string('a', 20000) + "\r\n\r\n");
        var answer = await client.ReadResponseAsync();

        Assert.Equal(431, answer.Status);
        Assert.True(await client.IsClosedByServerAsync());
    }

    [Theory]
    [InlineData("GET /\r\n\r\n", 400)]
    [InlineData("GET / HTTP/1.1\r\nno colon here\r\n\r\n", 400)]
    [InlineData("POST / HTTP/1.1\r\nContent-Length: lots\r\n\r\n", 400)]
    [InlineData("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n", 501)]
    public async Task Request_Malformed_GetsAnErrorAndAClose(string request, int status)
    {
        await using var pod = await ServedPodAsync();
        using var client = await PodClient.ConnectAsync(pod.Netns, Loopback, Http.Port);

        await client.SendAsync(request);

        Assert.Equal(status, (await client.ReadResponseAsync()).Status);
        Assert.True(await client.IsClosedByServerAsync());
    }

    [Fact]
    public async Task Connection_SilentClient_GetsTheGreetingAfterTheSniffTime()
    {
        await using var pod = await ServedPodAsync(new WorkloadTimeouts(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(30)));
        using var client = await PodClient.ConnectAsync(pod.Netns, Loopback, Http.Port);

        Assert.Equal("web\n", await client.ReadAsync(4));
    }

    [Fact]
    public async Task Connection_IdleClient_IsClosedAfterTheIdleTime()
    {
        await using var pod = await ServedPodAsync(new WorkloadTimeouts(TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(300)));
        using var client = await PodClient.ConnectAsync(pod.Netns, Loopback, Http.Port);

        await client.SendAsync("GET / HTTP/1.1\r\nHost: pod\r\n");   // a head that never ends

        Assert.True(await client.IsClosedByServerAsync());
    }

    private static async Task<ServedPod> ServedPodAsync(WorkloadTimeouts? timeouts = null)
    {
        var nets = new TestNetworks();
        var netns = await nets.NamespaceAsync("pod");
        var host = new WorkloadHost(timeouts: timeouts);
        await host.AddAsync(WorkloadHostTests.Pod(netns, "web", Http));
        return new ServedPod(nets, host, netns);
    }

    private sealed record ServedPod(TestNetworks Nets, WorkloadHost Host, string Netns) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Host.DisposeAsync();
            await Nets.DisposeAsync();
        }
    }
}
