using CsCheck;
using k8s.Models;

namespace Palisade.Testing.Generators;

/// <summary>Generates 1–3 distinct namespaces from {x, y, z} with labels from a small vocabulary.</summary>
public static class NamespaceGen
{
    private static readonly string[] Names = ["x", "y", "z"];

    /// <summary>
    /// 1–3 distinct namespaces (apiVersion v1, kind Namespace), labels keys ns/env with values a/b; about half
    /// of them also carry the kubernetes.io/metadata.name label the API server would add.
    /// </summary>
    public static Gen<V1Namespace[]> Namespaces { get; } = Gen.Select(
        Gen.Int[1, 7],
        LabelGen.Labels(LabelGen.NamespaceVocabulary).Array[Names.Length],
        Gen.Bool.Array[Names.Length],
        Build);

    private static V1Namespace[] Build(int mask, Dictionary<string, string>[] labels, bool[] withNameLabel)
    {
        return Enumerable.Range(0, Names.Length)
            .Where(i => ((mask >> i) & 1) == 1)
            .Select(i => Namespace(Names[i], labels[i], withNameLabel[i]))
            .ToArray();
    }

    private static V1Namespace Namespace(string name, Dictionary<string, string> labels, bool withNameLabel)
    {
        if (withNameLabel)
        {
            labels["kubernetes.io/metadata.name"] = name;
        }

        return new V1Namespace
        {
            ApiVersion = "v1",
            Kind = "Namespace",
            Metadata = new V1ObjectMeta { Name = name, Labels = labels.Count > 0 ? labels : null },
        };
    }
}
