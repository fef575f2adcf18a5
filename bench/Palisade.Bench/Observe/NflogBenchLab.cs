using System.Globalization;
using System.Text.RegularExpressions;
using Palisade.Lab.System;

namespace Palisade.Bench.Observe;

/// <summary>
/// The NFLOG bench's two namespaces, <c>pobs-bench-XXXX</c> (the sender, 10.202.0.1) and <c>...-rx</c> (10.202.0.2)
/// joined by a veth pair, with <c>udp dport 9999 counter log group G drop</c> at the receiver's input hook: a pod's
/// ingress policy dropping a flood. Deleted on dispose.
/// </summary>
internal sealed partial class NflogBenchLab : IAsyncDisposable
{
    /// <summary>The port the rule drops and logs.</summary>
    public const int Port = 9999;

    /// <summary>The receiver's address, where the flood goes.</summary>
    public const string ReceiverAddress = "10.202.0.2";

    private readonly List<string> made = [];

    private NflogBenchLab(string sender) => Sender = sender;

    /// <summary>The namespace the flooder runs in.</summary>
    public string Sender { get; }

    /// <summary>The namespace with the rule, where the readers open their sockets.</summary>
    public string Receiver => Sender + "-rx";

    /// <summary>Makes the namespaces, the link and the rule for <paramref name="group"/>.</summary>
    public static async Task<NflogBenchLab> CreateAsync(ushort group)
    {
        var lab = new NflogBenchLab("pobs-bench-" + Guid.NewGuid().ToString("N")[..4]);
        try
        {
            foreach (var ns in new[] { lab.Sender, lab.Receiver })
            {
                await ProcessRunner.RunCheckedAsync("ip", ["netns", "add", ns]);
                lab.made.Add(ns);
                await ProcessRunner.RunCheckedAsync("ip", ["-n", ns, "link", "set", "lo", "up"]);
            }
            await ProcessRunner.RunCheckedAsync("ip", ["-n", lab.Sender, "link", "add", "eth0", "type", "veth", "peer", "name", "eth0", "netns", lab.Receiver]);
            await ProcessRunner.RunCheckedAsync("ip", ["-n", lab.Sender, "addr", "add", "10.202.0.1/24", "dev", "eth0"]);
            await ProcessRunner.RunCheckedAsync("ip", ["-n", lab.Receiver, "addr", "add", ReceiverAddress + "/24", "dev", "eth0"]);
            foreach (var ns in new[] { lab.Sender, lab.Receiver }) await ProcessRunner.RunCheckedAsync("ip", ["-n", ns, "link", "set", "eth0", "up"]);
            await ProcessRunner.RunCheckedAsync("ip", ["netns", "exec", lab.Receiver, "nft", "-f", "-"], $$"""
                table inet t {
                  chain input { type filter hook input priority 0; udp dport {{Port}} counter log prefix "pal:1" group {{group}} drop; }
                }
                """);
            return lab;
        }
        catch
        {
            await lab.DisposeAsync();
            throw;
        }
    }

    /// <summary>Packets the rule has logged so far.</summary>
    public async Task<long> LoggedAsync()
    {
        var listing = await ProcessRunner.RunCheckedAsync("ip", ["netns", "exec", Receiver, "nft", "list", "chain", "inet", "t", "input"]);
        return long.Parse(CounterPattern().Match(listing).Groups[1].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>Deletes both namespaces (and the veth pair with them).</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var ns in made) await ProcessRunner.RunAsync("ip", ["netns", "delete", ns]);
        made.Clear();
    }

    [GeneratedRegex(@"counter packets (\d+)")]
    private static partial Regex CounterPattern();
}
