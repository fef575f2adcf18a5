using k8s.Models;

namespace Palisade.Testing.Generators;

/// <summary>Gives generated objects names that are unique within their namespace.</summary>
public static class Naming
{
    /// <summary>Names the objects prefix0, prefix1, … counting separately in each namespace.</summary>
    public static void NameWithinNamespaces(IEnumerable<V1ObjectMeta> metadata, string prefix)
    {
        var counts = new Dictionary<string, int>();
        foreach (var meta in metadata)
        {
            var ns = meta.NamespaceProperty;
            var index = counts.GetValueOrDefault(ns);
            counts[ns] = index + 1;
            meta.Name = $"{prefix}{index}";
        }
    }
}
