using Palisade.Engine;
using Palisade.Engine.Fqdn;
using Palisade.Engine.L7;
using Palisade.Policy.Errors;
using Palisade.Policy.Inventory;
using Palisade.Policy.Net;

namespace Palisade.Cli.Input;

/// <summary>
/// Reads what the engine needs from outside the manifests: learned DNS names (<c>--dns-cache</c>) for toFQDNs peers,
/// and the AWS security-group inventory (<c>--sg-inventory</c>) for toGroups/fromGroups peers.
/// </summary>
internal static class OutsideInputs
{
    public static EngineInputs Load(IReadOnlyList<string> dnsCacheFiles, IReadOnlyList<string> inventoryFiles, CliContext context)
    {
        var cache = new FqdnCache();
        foreach (var file in dnsCacheFiles)
        {
            foreach (var r in DnsCacheFile.Parse(Read(file, "--dns-cache"), file))
            {
                if (!IpAddressValue.TryParse(r.Address, out var address)) continue; // the parser has checked every address
                cache.Add(new FqdnCacheEntry(DnsNamePattern.Normalize(r.Name), address, r.TtlSeconds, DateTimeOffset.UnixEpoch, r.Source));
            }
        }
        var inventories = inventoryFiles.Select(f => SecurityGroupInventory.Parse(f, Read(f, "--sg-inventory"))).ToList();
        var inventory = inventories.Count == 0 ? null : SecurityGroupInventory.Merge(inventories);
        foreach (var warning in inventory?.Warnings ?? []) context.Error.WriteLine($"warning: {warning}");
        return new EngineInputs
        {
            SecurityGroups = inventory is null ? null : (ids, names) =>
            {
                var resolved = inventory.Resolve(ids, names);
                return (resolved.Members, resolved.Unknown);
            },
            // Analysis takes every learned name as current: the file is a snapshot, so TTLs are not applied.
            Engine = cache.Entries.Count == 0 ? new EngineOptions() : new EngineOptions
            {
                AddressesOf = peer => cache.Matching(peer.Pattern).Select(e => e.Address),
                NamesOf = address => cache.NamesOf(address),
            },
        };
    }

    private static string Read(string path, string option)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new InputException($"{option} {path}: cannot read the file ({e.Message})");
        }
    }
}
