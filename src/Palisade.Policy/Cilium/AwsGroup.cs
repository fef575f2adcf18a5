namespace Palisade.Policy.Cilium;

/// <summary>AWS peers: the addresses of ENIs with these labels or in these security groups.</summary>
public sealed record AwsGroup
{
    /// <summary>ENI labels.</summary>
    public IReadOnlyDictionary<string, string>? Labels { get; init; }

    /// <summary>Security group IDs.</summary>
    public IReadOnlyList<string?>? SecurityGroupsIds { get; init; }

    /// <summary>Security group names.</summary>
    public IReadOnlyList<string?>? SecurityGroupsNames { get; init; }

    /// <summary>Deprecated and unused by Cilium.</summary>
    public string? Region { get; init; }
}
