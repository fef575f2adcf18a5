using Palisade.Lab.Tests.Support;
using Palisade.Lab.Tests.Workloads;
using Palisade.Lab.Tls;
using Palisade.Lab.Workloads;

namespace Palisade.Lab.Tests.Tls;

[Trait("Requires", "root")]
public sealed class WorldHostTests
{
    private const string Name = "api.twitter.com";
    private const string Hello = "api.twitter.com: hello from the lab's world\n";
    private const int CurlUntrustedCertificate = 60;

    [Fact]
    public async Task Curl_WithTheTrustBundle_GetsTheHelloLineOverHttps()
    {
        using var dir = new TempDirectory();
        await using var world = await WorldAsync(dir);
        var bundle = world.Authority.WriteTrustBundle(dir["bundle.pem"]);

        var curl = await TestNetworks.ExecAsync(world.Client, "curl", "-sS", "-m", "10", "--cacert", bundle, "--resolve", Name + ":443:10.99.0.2", "https://" + Name + "/1.1/statuses");

        Assert.Equal((0, Hello), (curl.ExitCode, curl.StandardOutput));
    }

    [Fact]
    public async Task Curl_WithoutTheTrustBundle_RejectsTheCertificate()
    {
        using var dir = new TempDirectory();
        await using var world = await WorldAsync(dir);

        var curl = await TestNetworks.ExecAsync(world.Client, "curl", "-sS", "-m", "10", "--resolve", Name + ":443:10.99.0.2", "https://" + Name + "/");

        Assert.Equal(CurlUntrustedCertificate, curl.ExitCode);
    }

    [Fact]
    public async Task WorldHost_PlainHttpAndRawBytes_AnswerWithoutTls()
    {
        using var dir = new TempDirectory();
        await using var world = await WorldAsync(dir);
        using var http = await PodClient.ConnectAsync(world.Client, "10.99.0.2", 80);
        using var raw = await PodClient.ConnectAsync(world.Client, "10.99.0.2", 443);

        var answer = await http.RequestAsync("GET", "/");
        await raw.SendAsync("hi\n");

        Assert.Equal((200, Hello), (answer.Status, answer.Body));
        Assert.Equal("twitter\n", await raw.ReadAsync("twitter\n".Length));
    }

    [Fact]
    public async Task WorldHost_WithoutACa_IsALabException()
    {
        using var dir = new TempDirectory();
        await using var world = await WorldAsync(dir);
        await using var host = new WorkloadHost();

        var e = await Assert.ThrowsAsync<LabException>(() => host.AddAsync(Spec(world.Server) with { Key = "world/other" }));

        Assert.Contains("CA directory", e.Message);
    }

    private static WorkloadSpec Spec(string netns) => new("world/twitter", netns, "twitter", null, [], [Name, "twitter.com"]);

    private static async Task<World> WorldAsync(TempDirectory dir)
    {
        var nets = new TestNetworks();
        var client = await nets.NamespaceAsync("client");
        var server = await nets.NamespaceAsync("world");
        await nets.LinkAsync(client, "10.99.0.1/24", server, "10.99.0.2/24");
        var authority = LabCertificateAuthority.LoadOrCreate(dir["ca"]);
        var host = new WorkloadHost(authority);
        var status = await host.AddAsync(Spec(server));
        Assert.Equal(["80/TCP", "443/TCP"], status.Served.Select(WorkloadStatus.Describe));
        return new World(nets, authority, host, client, server);
    }

    private sealed record World(TestNetworks Nets, LabCertificateAuthority Authority, WorkloadHost Host, string Client, string Server) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Host.DisposeAsync();
            Authority.Dispose();
            await Nets.DisposeAsync();
        }
    }
}
