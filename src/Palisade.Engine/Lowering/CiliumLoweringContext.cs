using k8s.Models;
using Palisade.Policy.Diagnostics;
using Palisade.Policy.Loading;
using Palisade.Policy.Inventory;
using Palisade.Policy.Yaml;

namespace Palisade.Engine.Lowering;

/// <summary>
/// What lowering a Cilium policy needs from outside the policy: the Services (for toServices), a security-group
/// resolver (for fromGroups/toGroups), and where to report what cannot be resolved.
/// </summary>
public sealed class CiliumLoweringContext
{
    /// <summary>The cluster's Services.</summary>
    public IReadOnlyList<V1Service> Services { get; init; } = [];

    /// <summary>The AWS security groups fromGroups/toGroups resolve through; null: no inventory.</summary>
    public SecurityGroupInventory? SecurityGroups { get; init; }

    /// <summary>True when learned DNS names are given (otherwise toFQDNs peers match nothing, which is noted).</summary>
    public bool HasDnsNames { get; init; }

    /// <summary>Warnings about peers that resolve to nothing (unknown service or security group).</summary>
    public DiagnosticBag Notes { get; } = new();

    internal void Warn(SourceRef? source, FieldPath path, string message, string? hint, Severity severity = Severity.Warning)
    {
        if (source is null) return;
        Notes.Add(new Diagnostic(severity, source.Locate(path), source.Resolve(path).ToString(), message, hint));
    }
}
