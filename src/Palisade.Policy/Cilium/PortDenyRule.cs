namespace Palisade.Policy.Cilium;

/// <summary>One entry of a deny rule's <c>toPorts</c>: ports only; deny rules have no L7.</summary>
public sealed record PortDenyRule
{
    /// <summary>The ports (at most 40).</summary>
    public IReadOnlyList<PortProtocol?>? Ports { get; init; }
}
