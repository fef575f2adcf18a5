using k8s.Models;
using Palisade.Policy.Binding;
using Palisade.Policy.Diagnostics;
using Palisade.Policy.Validation;
using Palisade.Policy.Yaml;

namespace Palisade.Policy.Loading;

/// <summary>
/// Loads manifests: every document of every input, <c>List</c> kinds item by item, each object bound to its model,
/// checked, and collected into a <see cref="ManifestSet"/>. Pure: no I/O, every problem reported, nothing thrown.
/// </summary>
public static class ManifestLoader
{
    /// <summary>Loads <paramref name="inputs"/>; <paramref name="diagnostics"/> may already hold problems found reading files.</summary>
    public static ManifestSet Load(IEnumerable<ManifestInput> inputs, DiagnosticBag? diagnostics = null)
    {
        var builder = new ManifestSetBuilder(diagnostics ?? new DiagnosticBag());
        foreach (var input in inputs)
        {
            foreach (var document in YamlReader.Read(input.Name, input.Text, builder.Diagnostics))
            {
                LoadObject(document, FieldPath.Root, builder);
            }
        }
        return builder.Build();
    }

    /// <summary>Loads a single YAML text (convenient for tests and examples).</summary>
    public static ManifestSet LoadText(string text, string name = "<input>") => Load([new ManifestInput(name, text)]);

    private static void LoadObject(YDocument document, FieldPath path, ManifestSetBuilder builder)
    {
        var source = new SourceRef(document, path);
        var node = NodeLocator.Find(document.Root, path);
        if (node is not YMapping mapping)
        {
            builder.Report(Severity.Error, source, FieldPath.Root, $"expected a Kubernetes object (a mapping), found {node.Describe()}", null);
            return;
        }
        var apiVersion = Text(mapping, "apiVersion");
        var kind = Text(mapping, "kind");
        if (apiVersion is null || kind is null)
        {
            builder.Report(Severity.Error, source, FieldPath.Root.Field(apiVersion is null ? "apiVersion" : "kind"),
                "every object needs apiVersion and kind", "add e.g. apiVersion: networking.k8s.io/v1 and kind: NetworkPolicy");
            return;
        }
        if (kind.EndsWith("List", StringComparison.Ordinal) && mapping["items"] is YSequence items)
        {
            for (var i = 0; i < items.Items.Count; i++) LoadObject(document, path.Field("items").Index(i), builder);
            return;
        }
        LoadKind(apiVersion, kind, mapping, source, builder);
    }

    private static void LoadKind(string apiVersion, string kind, YMapping mapping, SourceRef source, ManifestSetBuilder builder)
    {
        var entry = KindTable.Find(apiVersion, kind);
        if (entry is null)
        {
            UnknownKind(apiVersion, kind, source, builder);
            return;
        }
        if (entry.Deprecation is not null) builder.Report(Severity.Warning, source, FieldPath.Root.Field("apiVersion"), entry.Deprecation, null);
        var context = new BindContext(source.Document, builder.Diagnostics, entry.UnknownFields) { UnknownFieldHint = entry.UnknownFieldHint };
        var bound = ObjectBinder.Bind(entry.Model, mapping, source.Path, context);
        if (bound is null || !CheckMetadata(bound, entry, source, builder)) return;
        // Added (and so validated) even after binding errors, so that every problem is reported at once; a set with
        // errors is never evaluated.
        entry.Add(bound, source, builder);
    }

    private static void UnknownKind(string apiVersion, string kind, SourceRef source, ManifestSetBuilder builder)
    {
        var known = KindTable.ApiVersionsOf(kind).ToList();
        if (known.Count > 0)
        {
            builder.Report(Severity.Error, source, FieldPath.Root.Field("apiVersion"), $"{kind} is not served at apiVersion {apiVersion}",
                $"use apiVersion {known[0]}");
            return;
        }
        builder.Report(Severity.Notice, source, FieldPath.Root.Field("kind"), $"skipped {kind} ({apiVersion}): Palisade does not use this kind", null);
    }

    private static bool CheckMetadata(object bound, KindEntry entry, SourceRef source, ManifestSetBuilder builder)
    {
        var meta = (V1ObjectMeta?)entry.Model.GetProperty("Metadata")?.GetValue(bound);
        var namePath = FieldPath.Root.Field("metadata").Field("name");
        if (meta?.Name is null)
        {
            builder.Report(Severity.Error, source, namePath, $"{entry.Kind} has no metadata.name", "give the object a name");
            return false;
        }
        var nameProblem = entry.Kind is "Namespace" ? KubernetesNames.CheckDnsLabel(meta.Name) : KubernetesNames.CheckDnsSubdomain(meta.Name);
        if (nameProblem is not null) builder.Report(Severity.Error, source, namePath, $"invalid name \"{meta.Name}\": {nameProblem}", null);
        if (!entry.ClusterScoped)
        {
            meta.NamespaceProperty ??= "default";
            if (KubernetesNames.CheckDnsLabel(meta.NamespaceProperty) is { } nsProblem)
            {
                builder.Report(Severity.Error, source, FieldPath.Root.Field("metadata").Field("namespace"), $"invalid namespace \"{meta.NamespaceProperty}\": {nsProblem}", null);
            }
        }
        return nameProblem is null;
    }

    private static string? Text(YMapping mapping, string key) => mapping[key] is YScalar { Kind: ScalarKind.String } s ? s.Value : null;
}
