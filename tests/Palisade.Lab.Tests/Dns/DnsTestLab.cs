using System.Net;
using Palisade.Lab.Dns;
using Palisade.Lab.System;
using Palisade.Lab.Tests.Support;

namespace Palisade.Lab.Tests.Dns;

/// <summary>
/// A lab DNS server in its own namespace ("dns", 10.99.53.2) and a pod namespace ("pod", 10.99.53.1) joined by a veth
/// pair; queries run in the pod namespace. Disposing stops the server and removes the namespaces and every resolv.conf
/// written through <see cref="WriteResolvConfAsync"/>.
/// </summary>
internal sealed class DnsTestLab : IAsyncDisposable
{
    public static readonly IPAddress ServerAddress = IPAddress.Parse("10.99.53.2");

    private readonly TestNetworks networks;
    private readonly List<string> resolvConfs = [];

    private DnsTestLab(TestNetworks networks, string serverNs, string podNs, LabDnsServer server)
    {
        this.networks = networks;
        ServerNs = serverNs;
        PodNs = podNs;
        Server = server;
    }

    public string ServerNs { get; }

    public string PodNs { get; }

    public LabDnsServer Server { get; }

    public static async Task<DnsTestLab> StartAsync(DnsZoneSnapshot zone)
    {
        var networks = new TestNetworks();
        try
        {
            var serverNs = await networks.NamespaceAsync("dns");
            var podNs = await networks.NamespaceAsync("pod");
            await networks.LinkAsync(podNs, "10.99.53.1/24", serverNs, ServerAddress + "/24");
            var server = LabDnsServer.Start(serverNs, new IPEndPoint(ServerAddress, 53), zone);
            return new DnsTestLab(networks, serverNs, podNs, server);
        }
        catch
        {
            await networks.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs <c>dig @server ARGS</c> in the pod namespace, once, and parses its answer.</summary>
    public async Task<DigResult> DigAsync(params string[] args) => DigResult.Parse(await DigTextAsync(["@" + ServerAddress, .. args]));

    /// <summary>Runs dig with exactly <paramref name="args"/> (plus: one try, 5 s) in the pod namespace and returns its output.</summary>
    public async Task<string> DigTextAsync(params string[] args)
    {
        var result = await TestNetworks.ExecAsync(PodNs, ["dig", "+tries=1", "+time=5", .. args]);
        return result.StandardOutput + result.StandardError;
    }

    /// <summary>Gives the pod namespace the resolv.conf kubelet writes for a pod of <paramref name="podNamespace"/>.</summary>
    public async Task WriteResolvConfAsync(string podNamespace)
    {
        resolvConfs.Add(PodNs);
        await ResolvConf.WriteAsync(PodNs, ResolvConf.Render(podNamespace, ServerAddress));
    }

    /// <summary>Runs <c>getent hosts NAME</c> in the pod namespace (glibc's resolver, as a pod's program uses it).</summary>
    public Task<ProcessResult> GetentHostsAsync(string name) => TestNetworks.ExecAsync(PodNs, "getent", "hosts", name);

    public async ValueTask DisposeAsync()
    {
        foreach (var ns in resolvConfs) ResolvConf.Delete(ns);
        await Server.DisposeAsync();
        await networks.DisposeAsync();
    }
}
