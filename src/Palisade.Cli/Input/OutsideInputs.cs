using Palisade.Engine;
using Palisade.Engine.Fqdn;
using Palisade.Policy.Errors;
using Palisade.Policy.Inventory;

namespace Palisade.Cli.Input;

/// <summary>
/// Reads what the engine needs from outside the manifests: learned DNS names (<c>--dns-cache</c>) for toFQDNs peers,
/// and the AWS security-group inventory (<c>--sg-inventory</c>) for toGroups/fromGroups peers.
/// </summary>
internal static class OutsideInputs
{
    public static EngineInputs Load(IReadOnlyList<string> dnsCacheFiles, IReadOnlyList<string> inventoryFiles, CliContext context)
    {
        var cache = FqdnCache.From(dnsCacheFiles.SelectMany(file => DnsCacheFile.Parse(Read(file, "--dns-cache"), file)));
        var inventories = inventoryFiles.Select(f => SecurityGroupInventory.Parse(f, Read(f, "--sg-inventory"))).ToList();
        var inventory = inventories.Count == 0 ? null : SecurityGroupInventory.Merge(inventories);
        foreach (var warning in inventory?.Warnings ?? []) context.Error.WriteLine($"warning: {warning}");
        return new EngineInputs
        {
            SecurityGroups = inventory,
            Engine = EngineOptions.LearnedFrom(cache),
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
