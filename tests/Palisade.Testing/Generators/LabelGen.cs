using CsCheck;
using k8s.Models;

namespace Palisade.Testing.Generators;

/// <summary>Label maps and label selectors drawn from a small vocabulary, so that selectors often match.</summary>
public static class LabelGen
{
    /// <summary>The pod label vocabulary: keys pod, app, tier with values a, b, c.</summary>
    public static IReadOnlyList<(string Key, string[] Values)> PodVocabulary { get; } =
        [("pod", ["a", "b", "c"]), ("app", ["a", "b", "c"]), ("tier", ["a", "b", "c"])];

    /// <summary>The namespace label vocabulary: keys ns, env with values a, b.</summary>
    public static IReadOnlyList<(string Key, string[] Values)> NamespaceVocabulary { get; } =
        [("ns", ["a", "b"]), ("env", ["a", "b"])];

    /// <summary>What namespace selectors draw from: the namespace vocabulary plus kubernetes.io/metadata.name.</summary>
    public static IReadOnlyList<(string Key, string[] Values)> NamespaceSelectorVocabulary { get; } =
        [.. NamespaceVocabulary, ("kubernetes.io/metadata.name", ["x", "y", "z"])];

    /// <summary>A label map: each key is absent or carries one of its values (absent as often as each value).</summary>
    public static Gen<Dictionary<string, string>> Labels(IReadOnlyList<(string Key, string[] Values)> vocabulary)
    {
        return Gen.Int[0, 11].Array[vocabulary.Count].Select(picks => ToLabels(vocabulary, picks));
    }

    /// <summary>A selector: empty {}, matchLabels, matchExpressions, or both.</summary>
    public static Gen<V1LabelSelector> Selector(IReadOnlyList<(string Key, string[] Values)> vocabulary)
    {
        var matchLabels = Pair(vocabulary).Array[1, 2].Select(ToDictionary);
        var matchExpressions = Requirement(vocabulary).Array[1, 2].Select(requirements => requirements.ToList());
        return Gen.Frequency(
            (2, Gen.Const(() => new V1LabelSelector())),
            (3, matchLabels.Select(labels => new V1LabelSelector { MatchLabels = labels })),
            (3, matchExpressions.Select(expressions => new V1LabelSelector { MatchExpressions = expressions })),
            (1, Gen.Select(matchLabels, matchExpressions, (labels, expressions) =>
                new V1LabelSelector { MatchLabels = labels, MatchExpressions = expressions })));
    }

    /// <summary>pick % (values + 1) chooses a value, or "absent" when it equals the value count (12 divides evenly by 3 and 4).</summary>
    private static Dictionary<string, string> ToLabels(IReadOnlyList<(string Key, string[] Values)> vocabulary, int[] picks)
    {
        return vocabulary
            .Select((entry, i) => (entry.Key, entry.Values, Pick: picks[i] % (entry.Values.Length + 1)))
            .Where(entry => entry.Pick < entry.Values.Length)
            .ToDictionary(entry => entry.Key, entry => entry.Values[entry.Pick]);
    }

    private static Gen<(string Key, string Value)> Pair(IReadOnlyList<(string Key, string[] Values)> vocabulary)
    {
        return Gen.Select(Gen.Int[0, vocabulary.Count - 1], Gen.Int[0, 5], (key, value) =>
            (vocabulary[key].Key, vocabulary[key].Values[value % vocabulary[key].Values.Length]));
    }

    private static Dictionary<string, string> ToDictionary((string Key, string Value)[] pairs)
    {
        var labels = new Dictionary<string, string>();
        foreach (var (key, value) in pairs)
        {
            labels[key] = value;
        }

        return labels;
    }

    private static Gen<V1LabelSelectorRequirement> Requirement(IReadOnlyList<(string Key, string[] Values)> vocabulary)
    {
        string[] operators = ["In", "NotIn", "Exists", "DoesNotExist"];
        return Gen.Select(Gen.Int[0, vocabulary.Count - 1], Gen.Int[0, 3], Gen.Int[1, 7], (key, op, mask) =>
            new V1LabelSelectorRequirement
            {
                Key = vocabulary[key].Key,
                OperatorProperty = operators[op],
                Values = op < 2 ? Subset(vocabulary[key].Values, mask) : null,
            });
    }

    /// <summary>A non-empty subset of the values, chosen by the bits of mask (falls back to the first value).</summary>
    private static List<string> Subset(string[] values, int mask)
    {
        var chosen = values.Where((_, i) => ((mask >> i) & 1) == 1).ToList();
        return chosen.Count > 0 ? chosen : [values[0]];
    }
}
