using Palisade.Lab.System;

namespace Palisade.Lab.Services;

/// <summary>Loads a ruleset made by <see cref="ServiceRuleset"/> into a node's network namespace.</summary>
internal static class ServiceTableApplier
{
    /// <summary>
    /// Runs <c>ip netns exec NETNS nft -f -</c> with <paramref name="rulesetText"/> on standard input. nft applies a
    /// file as one transaction, so on failure the namespace keeps the table it had.
    /// </summary>
    /// <exception cref="LabException">nft refused the ruleset or the namespace does not exist; the message carries nft's error.</exception>
    public static async Task ApplyAsync(string netns, string rulesetText, CancellationToken ct = default)
    {
        var result = await ProcessRunner.RunAsync("ip", ["netns", "exec", netns, "nft", "-f", "-"], rulesetText, ct).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new LabException($"cannot load table ip {ServiceRuleset.Table} into network namespace {netns} (nothing was changed; check that the namespace exists and that the lab runs as root): {result.StandardError.Trim()}");
        }
    }
}
