namespace Palisade.Lab.Tests.Dns;

/// <summary>
/// A pod's resolver with the resolv.conf kubelet writes, through <c>ip netns exec</c>: glibc (getent) and dig +search
/// walk the search path to the cluster DNS in another namespace.
/// </summary>
[Trait("Requires", "root")]
public sealed class SearchPathTests
{
    [Fact]
    public async Task GetentHosts_BareServiceNameFromAPodOfItsNamespace_ResolvesTheServiceFqdn()
    {
        await using var lab = await DnsTestLab.StartAsync(StarWarsZone.Snapshot);
        await lab.WriteResolvConfAsync("default");
        var getent = await lab.GetentHostsAsync("deathstar");
        Assert.Equal(0, getent.ExitCode);
        Assert.Equal(["10.96.0.10", "deathstar.default.svc.cluster.local"], getent.StandardOutput.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task DigSearch_BareServiceNameFromAPodOfItsNamespace_ResolvesTheServiceFqdn()
    {
        await using var lab = await DnsTestLab.StartAsync(StarWarsZone.Snapshot);
        await lab.WriteResolvConfAsync("default");
        var dig = DigResult.Parse(await lab.DigTextAsync("+search", "deathstar"));
        Assert.Equal(new DigRecord("deathstar.default.svc.cluster.local.", 5, "A", "10.96.0.10"), Assert.Single(dig.Answer));
    }

    [Fact]
    public async Task GetentHosts_ServiceDotNamespace_ResolvesThroughTheSvcSearchDomain()
    {
        await using var lab = await DnsTestLab.StartAsync(StarWarsZone.Snapshot);
        await lab.WriteResolvConfAsync("empire");
        var getent = await lab.GetentHostsAsync("deathstar.default");
        Assert.Equal(0, getent.ExitCode);
        Assert.Contains("10.96.0.10", getent.StandardOutput);
        Assert.Contains("deathstar.default.svc.cluster.local", getent.StandardOutput);
    }

    [Fact]
    public async Task GetentHosts_BareServiceNameFromAPodOfAnotherNamespace_DoesNotResolve()
    {
        await using var lab = await DnsTestLab.StartAsync(StarWarsZone.Snapshot);
        await lab.WriteResolvConfAsync("empire");
        var getent = await lab.GetentHostsAsync("deathstar");
        Assert.Equal(2, getent.ExitCode);   // getent: key not found
        Assert.Empty(getent.StandardOutput);
        Assert.True(lab.Server.QueryCount > 0, "the resolver never asked the lab's DNS");
    }

    [Fact]
    public async Task GetentHosts_WorldHostName_ResolvesAfterTheSearchDomainsFail()
    {
        await using var lab = await DnsTestLab.StartAsync(StarWarsZone.Snapshot);
        await lab.WriteResolvConfAsync("default");
        var getent = await lab.GetentHostsAsync("api.twitter.com");
        Assert.Equal(0, getent.ExitCode);
        Assert.StartsWith("10.99.200.10", getent.StandardOutput);
    }
}
