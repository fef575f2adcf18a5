using Palisade.Lab.System;

namespace Palisade.Datapath.Tests.Support;

/// <summary>
/// Network namespaces a test makes for itself (needs root; CI is root). Each name carries a per-instance prefix
/// (<c>plt-XXXX-</c>) so concurrent tests never collide; <see cref="DisposeAsync"/> deletes exactly the namespaces this
/// instance made, and with them their veth pairs.
/// </summary>
public sealed class TestNetworks : IAsyncDisposable
{
    private readonly List<string> made = [];

    /// <summary>The prefix of every namespace this instance makes.</summary>
    public string Prefix { get; } = "plt-" + Guid.NewGuid().ToString("N")[..6] + "-";

    /// <summary>Makes namespace <c>Prefix + suffix</c> with its loopback up, and returns its full name.</summary>
    public async Task<string> NamespaceAsync(string suffix)
    {
        var name = Prefix + suffix;
        await ProcessRunner.RunCheckedAsync("ip", ["netns", "add", name]);
        made.Add(name);
        await ProcessRunner.RunCheckedAsync("ip", ["-n", name, "link", "set", "lo", "up"]);
        return name;
    }

    /// <summary>
    /// Joins two namespaces made here with a veth pair (<c>eth-b</c> in <paramref name="a"/>, <c>eth-a</c> in
    /// <paramref name="b"/>) on one subnet: <paramref name="addressA"/> and <paramref name="addressB"/> in CIDR form,
    /// e.g. "10.99.0.1/24" and "10.99.0.2/24".
    /// </summary>
    public async Task LinkAsync(string a, string addressA, string b, string addressB)
    {
        await ProcessRunner.RunCheckedAsync("ip", ["-n", a, "link", "add", "eth-b", "type", "veth", "peer", "name", "eth-a", "netns", b]);
        await ProcessRunner.RunCheckedAsync("ip", ["-n", a, "addr", "add", addressA, "dev", "eth-b"]);
        await ProcessRunner.RunCheckedAsync("ip", ["-n", b, "addr", "add", addressB, "dev", "eth-a"]);
        await ProcessRunner.RunCheckedAsync("ip", ["-n", a, "link", "set", "eth-b", "up"]);
        await ProcessRunner.RunCheckedAsync("ip", ["-n", b, "link", "set", "eth-a", "up"]);
    }

    /// <summary>Runs a command inside a namespace (via <c>ip netns exec</c>).</summary>
    public static Task<ProcessResult> ExecAsync(string netns, params string[] command) =>
        ProcessRunner.RunAsync("ip", ["netns", "exec", netns, .. command]);

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        foreach (var name in made) await ProcessRunner.RunAsync("ip", ["netns", "delete", name]);
        made.Clear();
    }
}
