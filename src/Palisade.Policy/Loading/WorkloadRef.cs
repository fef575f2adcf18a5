namespace Palisade.Policy.Loading;

/// <summary>The workload that owns a pod (kind and name), for grouping pods by workload.</summary>
public sealed record WorkloadRef(string Kind, string Name)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Kind.ToLowerInvariant()}/{Name}";
}
