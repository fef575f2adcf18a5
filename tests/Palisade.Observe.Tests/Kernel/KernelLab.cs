using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Palisade.Observe.Kernel;

namespace Palisade.Observe.Tests.Kernel;

/// <summary>
/// Two network namespaces of a test's own, <c>pobs-XXXXXX</c> (<see cref="Near"/>, 10.201.0.1 on <c>eth-p</c>) and
/// <c>pobs-XXXXXX-peer</c> (<see cref="Peer"/>, 10.201.0.2 on <c>eth-n</c>), joined by a veth pair; both deleted
/// (with the pair and every socket in them) on dispose. Needs root.
/// </summary>
internal sealed partial class KernelLab : IAsyncDisposable
{
    private readonly List<string> made = [];

    private KernelLab(string near) => Near = near;

    /// <summary>The namespace the tests send from.</summary>
    public string Near { get; }

    /// <summary>The other end of the veth pair.</summary>
    public string Peer => Near + "-peer";

    /// <summary>The near end's address.</summary>
    public static IPAddress NearAddress { get; } = IPAddress.Parse("10.201.0.1");

    /// <summary>The peer end's address.</summary>
    public static IPAddress PeerAddress { get; } = IPAddress.Parse("10.201.0.2");

    /// <summary>Makes both namespaces and the link between them.</summary>
    public static async Task<KernelLab> CreateAsync()
    {
        var lab = new KernelLab("pobs-" + Guid.NewGuid().ToString("N")[..6]);
        try
        {
            foreach (var ns in new[] { lab.Near, lab.Peer })
            {
                await Shell.RunAsync("ip", ["netns", "add", ns]);
                lab.made.Add(ns);
                await Shell.RunAsync("ip", ["-n", ns, "link", "set", "lo", "up"]);
            }
            await Shell.RunAsync("ip", ["-n", lab.Near, "link", "add", "eth-p", "type", "veth", "peer", "name", "eth-n", "netns", lab.Peer]);
            await Shell.RunAsync("ip", ["-n", lab.Near, "addr", "add", "10.201.0.1/24", "dev", "eth-p"]);
            await Shell.RunAsync("ip", ["-n", lab.Peer, "addr", "add", "10.201.0.2/24", "dev", "eth-n"]);
            await Shell.RunAsync("ip", ["-n", lab.Near, "link", "set", "eth-p", "up"]);
            await Shell.RunAsync("ip", ["-n", lab.Peer, "link", "set", "eth-n", "up"]);
            return lab;
        }
        catch
        {
            await lab.DisposeAsync();
            throw;
        }
    }

    /// <summary>Loads an nft ruleset into <paramref name="netns"/>.</summary>
    public static Task LoadRulesAsync(string netns, string ruleset) => Shell.RunAsync("ip", ["netns", "exec", netns, "nft", "-f", "-"], ruleset);

    /// <summary>The packets counted by all the <c>counter</c>s in chain <paramref name="chain"/> of table inet <paramref name="table"/>.</summary>
    public static async Task<long> CounterAsync(string netns, string table, string chain)
    {
        var listing = await Shell.RunAsync("ip", ["netns", "exec", netns, "nft", "list", "chain", "inet", table, chain]);
        var counters = CounterPattern().Matches(listing);
        return counters.Count > 0
            ? counters.Sum(m => long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))
            : throw new InvalidOperationException("no counter in " + listing);
    }

    /// <summary>The index of interface <paramref name="name"/> in <paramref name="netns"/>.</summary>
    public static async Task<uint> InterfaceIndexAsync(string netns, string name)
    {
        var line = await Shell.RunAsync("ip", ["-n", netns, "-o", "link", "show", "dev", name]);
        return uint.Parse(line[..line.IndexOf(':', StringComparison.Ordinal)], CultureInfo.InvariantCulture);
    }

    /// <summary>A socket made inside <paramref name="netns"/> (it stays there for life).</summary>
    public static Socket SocketIn(string netns, SocketType type, ProtocolType protocol) =>
        NamespaceRunner.Run(netns, () => new Socket(AddressFamily.InterNetwork, type, protocol));

    /// <summary>Deletes the namespaces this lab made, every one even when deleting another fails.</summary>
    public async ValueTask DisposeAsync()
    {
        var failures = new List<Exception>();
        foreach (var ns in made)
        {
            try
            {
                await Shell.RunAsync("ip", ["netns", "delete", ns]);
            }
            catch (InvalidOperationException e)
            {
                failures.Add(e);
            }
        }
        made.Clear();
        if (failures.Count > 0) throw new AggregateException(failures);
    }

    [GeneratedRegex(@"counter packets (\d+)")]
    private static partial Regex CounterPattern();
}
