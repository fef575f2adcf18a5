namespace Palisade.Policy.Cilium;

/// <summary>One entry of <c>fromGroups</c>/<c>toGroups</c>: peers defined by a cloud provider.</summary>
public sealed record CiliumGroups
{
    /// <summary>AWS security groups or ENI labels.</summary>
    public AwsGroup? Aws { get; init; }
}
