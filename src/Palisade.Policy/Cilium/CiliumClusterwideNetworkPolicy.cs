using k8s.Models;

namespace Palisade.Policy.Cilium;

/// <summary>
/// A cluster-scoped <c>cilium.io/v2</c> CiliumClusterwideNetworkPolicy. Its schema is the same as
/// <see cref="CiliumNetworkPolicy"/>; only here may a rule use <c>nodeSelector</c> (a host policy).
/// </summary>
public sealed record CiliumClusterwideNetworkPolicy
{
    /// <summary>Always <c>cilium.io/v2</c>.</summary>
    public string? ApiVersion { get; init; }

    /// <summary>Always <c>CiliumClusterwideNetworkPolicy</c>.</summary>
    public string? Kind { get; init; }

    /// <summary>The name (the object is cluster-scoped).</summary>
    public V1ObjectMeta? Metadata { get; init; }

    /// <summary>The policy's rule, if it has a single one.</summary>
    public CiliumRule? Spec { get; init; }

    /// <summary>The policy's rules, if it has several.</summary>
    public IReadOnlyList<CiliumRule?>? Specs { get; init; }

    /// <summary>Written by Cilium's operator; read and ignored.</summary>
    public object? Status { get; init; }
}
