using System.Net;
using Palisade.Lab.System;

namespace Palisade.Datapath.Tests.Support;

/// <summary>
/// Three namespaces in a row: client 10.77.1.2 — (eth-a) router (eth-b) — server 10.77.2.2, each end routing through
/// the router, which forwards. Everything lives in one <see cref="TestNetworks"/>, deleted on dispose.
/// </summary>
internal sealed class RouterTrio : IAsyncDisposable
{
    public static readonly IPAddress ClientIp = IPAddress.Parse("10.77.1.2");
    public static readonly IPAddress ServerIp = IPAddress.Parse("10.77.2.2");

    /// <summary>The router's interface towards the client.</summary>
    public const string ClientSide = "eth-a";

    /// <summary>The router's interface towards the server.</summary>
    public const string ServerSide = "eth-b";

    private readonly TestNetworks nets = new();

    private RouterTrio()
    {
    }

    public string Client { get; private set; } = "";

    public string Router { get; private set; } = "";

    public string Server { get; private set; } = "";

    public static async Task<RouterTrio> CreateAsync()
    {
        var trio = new RouterTrio();
        try
        {
            (trio.Client, trio.Router, trio.Server) = (await trio.nets.NamespaceAsync("client"), await trio.nets.NamespaceAsync("router"), await trio.nets.NamespaceAsync("server"));
            await trio.nets.LinkAsync(trio.Client, ClientIp + "/24", trio.Router, "10.77.1.1/24");
            await trio.nets.LinkAsync(trio.Router, "10.77.2.1/24", trio.Server, ServerIp + "/24");
            await ProcessRunner.RunCheckedAsync("ip", ["-n", trio.Client, "route", "add", "default", "via", "10.77.1.1"]);
            await ProcessRunner.RunCheckedAsync("ip", ["-n", trio.Server, "route", "add", "default", "via", "10.77.2.1"]);
            await ProcessRunner.RunCheckedAsync("ip", ["netns", "exec", trio.Router, "sysctl", "-q", "-w", "net.ipv4.ip_forward=1"]);
            return trio;
        }
        catch
        {
            await trio.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => nets.DisposeAsync();
}
