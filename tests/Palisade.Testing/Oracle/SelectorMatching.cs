using k8s.Models;

namespace Palisade.Testing.Oracle;

/// <summary>Kubernetes label-selector matching, straight from the API documentation.</summary>
public static class SelectorMatching
{
    /// <summary>
    /// True if the labels satisfy every matchLabels pair AND every matchExpression.
    /// An empty selector (or a null one) matches everything.
    /// </summary>
    public static bool Matches(V1LabelSelector? selector, IReadOnlyDictionary<string, string> labels)
    {
        if (selector is null)
        {
            return true;
        }

        var pairsMatch = (selector.MatchLabels ?? new Dictionary<string, string>())
            .All(pair => labels.TryGetValue(pair.Key, out var value) && value == pair.Value);
        var expressionsMatch = (selector.MatchExpressions ?? [])
            .All(requirement => Matches(requirement, labels));
        return pairsMatch && expressionsMatch;
    }

    private static bool Matches(V1LabelSelectorRequirement requirement, IReadOnlyDictionary<string, string> labels)
    {
        var present = labels.TryGetValue(requirement.Key, out var value);
        var values = requirement.Values ?? [];
        return requirement.OperatorProperty switch
        {
            "In" => present && values.Contains(value),
            "NotIn" => !present || !values.Contains(value),
            "Exists" => present,
            "DoesNotExist" => !present,
            _ => throw new ArgumentException($"Unknown label selector operator '{requirement.OperatorProperty}'."),
        };
    }
}
