using k8s.Models;

namespace Palisade.Policy.Cilium;

/// <summary>
/// A namespaced <c>cilium.io/v2</c> CiliumNetworkPolicy: one rule in <see cref="Spec"/>, a list in
/// <see cref="Specs"/>, or both. Selectors that name no namespace are limited to the policy's own namespace.
/// </summary>
public sealed record CiliumNetworkPolicy
{
    /// <summary>Always <c>cilium.io/v2</c>.</summary>
    public string? ApiVersion { get; init; }

    /// <summary>Always <c>CiliumNetworkPolicy</c>.</summary>
    public string? Kind { get; init; }

    /// <summary>Name and namespace.</summary>
    public V1ObjectMeta? Metadata { get; init; }

    /// <summary>The policy's rule, if it has a single one.</summary>
    public CiliumRule? Spec { get; init; }

    /// <summary>The policy's rules, if it has several.</summary>
    public IReadOnlyList<CiliumRule?>? Specs { get; init; }

    /// <summary>Written by Cilium's operator; read and ignored.</summary>
    public object? Status { get; init; }
}
