using System.Text.Json.Nodes;
using Palisade.Policy.Diagnostics;
using Palisade.Policy.Yaml;

namespace Palisade.Policy.Loading;

/// <summary>
/// Splits inputs into their top-level objects (the items of a <c>List</c> one by one) for a store that keeps objects
/// by key. Only call it on inputs that <see cref="ManifestLoader"/> loaded without errors: objects without kind or
/// name are skipped here, not reported.
/// </summary>
public static class ManifestObjects
{
    /// <summary>The objects of <paramref name="inputs"/>, in input order; <paramref name="defaultNamespace"/> fills in a missing namespace.</summary>
    public static IReadOnlyList<ManifestObject> Split(IEnumerable<ManifestInput> inputs, string defaultNamespace = "default")
    {
        var result = new List<ManifestObject>();
        foreach (var input in inputs)
        {
            foreach (var document in YamlReader.Read(input.Name, input.Text, new DiagnosticBag()))
            {
                Collect(document.Root, defaultNamespace, result);
            }
        }
        return result;
    }

    private static void Collect(YNode node, string defaultNamespace, List<ManifestObject> result)
    {
        if (node is not YMapping mapping || Text(mapping, "apiVersion") is not { } apiVersion || Text(mapping, "kind") is not { } kind) return;
        if (kind.EndsWith("List", StringComparison.Ordinal) && mapping["items"] is YSequence items)
        {
            foreach (var item in items.Items) Collect(item, defaultNamespace, result);
            return;
        }
        if (mapping["metadata"] is not YMapping metadata || Text(metadata, "name") is not { } name) return;
        var clusterScoped = KindTable.Find(apiVersion, kind)?.ClusterScoped ?? false;
        var json = (JsonObject)YJson.ToJson(mapping)!;
        string? ns = null;
        if (!clusterScoped)
        {
            ns = Text(metadata, "namespace") ?? defaultNamespace;
            json["metadata"]!["namespace"] = ns;
        }
        result.Add(new ManifestObject(apiVersion, kind, ns, name, json));
    }

    private static string? Text(YMapping mapping, string key) => mapping[key] is YScalar { Kind: ScalarKind.String } s ? s.Value : null;
}
