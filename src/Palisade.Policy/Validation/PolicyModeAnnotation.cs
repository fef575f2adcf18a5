using Palisade.Policy.Diagnostics;
using Palisade.Policy.Yaml;

namespace Palisade.Policy.Validation;

/// <summary>
/// The annotation <c>policy.palisade.dev/mode</c>: on a policy, <c>audit</c> makes it a dry-run policy (Calico's
/// staged policies); on a pod, <c>audit</c> puts every policy's effect on the pod in audit (Cilium's policy audit
/// mode). Would-be drops are then AUDIT verdicts, logged and let through. <c>enforce</c> is the default.
/// </summary>
public static class PolicyModeAnnotation
{
    /// <summary>The annotation's key.</summary>
    public const string Key = "policy.palisade.dev/mode";

    /// <summary>The value of dry-run mode.</summary>
    public const string Audit = "audit";

    /// <summary>The value of the default mode.</summary>
    public const string Enforce = "enforce";

    /// <summary>True when <paramref name="annotations"/> say <c>audit</c> (any other value, or none, is enforce).</summary>
    public static bool IsAudit(IDictionary<string, string>? annotations) =>
        annotations is not null && annotations.TryGetValue(Key, out var value) && value == Audit;

    /// <summary>The problem of an annotation value other than the accepted ones, at <paramref name="metadata"/>'s annotation.</summary>
    public static IEnumerable<ValidationProblem> Validate(IDictionary<string, string>? annotations, FieldPath metadata)
    {
        if (annotations is null || !annotations.TryGetValue(Key, out var value) || value is Audit or Enforce) yield break;
        yield return new(Severity.Error, metadata.Field("annotations").Field(Key), $"unsupported mode \"{value}\"",
            $"accepted values: \"{Audit}\" (would-be drops are logged as AUDIT and let through), \"{Enforce}\" (the default)");
    }
}
