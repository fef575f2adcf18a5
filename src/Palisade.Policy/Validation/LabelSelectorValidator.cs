using k8s.Models;
using Palisade.Policy.Diagnostics;
using Palisade.Policy.Yaml;

namespace Palisade.Policy.Validation;

/// <summary>Kubernetes' label selector validation (apimachinery ValidateLabelSelector).</summary>
public static class LabelSelectorValidator
{
    private static readonly string[] Operators = ["In", "NotIn", "Exists", "DoesNotExist"];

    /// <summary>Every problem of <paramref name="selector"/> at <paramref name="path"/>.</summary>
    public static IEnumerable<ValidationProblem> Validate(V1LabelSelector selector, FieldPath path)
    {
        foreach (var (key, value) in selector.MatchLabels ?? new Dictionary<string, string>())
        {
            foreach (var p in Label(key, value, path.Field("matchLabels").Field(key))) yield return p;
        }
        var expressions = selector.MatchExpressions ?? [];
        for (var i = 0; i < expressions.Count; i++)
        {
            foreach (var p in Requirement(expressions[i], path.Field("matchExpressions").Index(i))) yield return p;
        }
    }

    /// <summary>Problems of one label key/value pair (used for matchLabels and for object labels).</summary>
    public static IEnumerable<ValidationProblem> Label(string key, string value, FieldPath path)
    {
        if (KubernetesNames.CheckQualifiedName(key) is { } k) yield return new(Severity.Error, path, $"invalid label key \"{key}\": {k}");
        if (KubernetesNames.CheckLabelValue(value) is { } v) yield return new(Severity.Error, path, $"invalid label value \"{value}\": {v}");
    }

    private static IEnumerable<ValidationProblem> Requirement(V1LabelSelectorRequirement? r, FieldPath path)
    {
        if (r is null)
        {
            yield return new(Severity.Error, path, "a requirement needs key and operator", "write e.g. {key: app, operator: In, values: [web]}");
            yield break;
        }
        var values = r.Values ?? [];
        switch (r.OperatorProperty)
        {
            case "In" or "NotIn" when values.Count == 0:
                yield return new(Severity.Error, path.Field("values"), $"values must be specified when operator is {r.OperatorProperty}", "list at least one value");
                break;
            case "Exists" or "DoesNotExist" when values.Count > 0:
                yield return new(Severity.Error, path.Field("values"), $"values may not be specified when operator is {r.OperatorProperty}", "remove values");
                break;
            case "In" or "NotIn" or "Exists" or "DoesNotExist":
                break;
            case null:
                yield return new(Severity.Error, path.Field("operator"), "operator is required", "use one of In, NotIn, Exists, DoesNotExist");
                break;
            default:
                var suggestion = Binding.Suggest.Closest(r.OperatorProperty, Operators);
                yield return new(Severity.Error, path.Field("operator"), $"\"{r.OperatorProperty}\" is not a valid selector operator",
                    suggestion is null ? "use one of In, NotIn, Exists, DoesNotExist" : $"did you mean \"{suggestion}\"? (operators are case-sensitive)");
                break;
        }
        if (r.Key is null) yield return new(Severity.Error, path.Field("key"), "key is required");
        else if (KubernetesNames.CheckQualifiedName(r.Key) is { } k) yield return new(Severity.Error, path.Field("key"), $"invalid label key \"{r.Key}\": {k}");
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is not null && KubernetesNames.CheckLabelValue(values[i]) is { } v) yield return new(Severity.Error, path.Field("values").Index(i), $"invalid label value \"{values[i]}\": {v}");
        }
    }
}
