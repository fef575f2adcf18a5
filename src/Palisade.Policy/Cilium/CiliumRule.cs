using k8s.Models;

namespace Palisade.Policy.Cilium;

/// <summary>
/// One Cilium rule (<c>pkg/policy/api/rule.go</c>): the endpoints or nodes it selects and its allow and deny rules
/// per direction.
/// </summary>
public sealed record CiliumRule
{
    /// <summary>The endpoints (pods) the rule applies to; exactly one of this and <see cref="NodeSelector"/>.</summary>
    public V1LabelSelector? EndpointSelector { get; init; }

    /// <summary>The nodes the rule applies to (a host policy); only in a CiliumClusterwideNetworkPolicy.</summary>
    public V1LabelSelector? NodeSelector { get; init; }

    /// <summary>Allowed ingress.</summary>
    public IReadOnlyList<IngressRule?>? Ingress { get; init; }

    /// <summary>Denied ingress; a deny wins over every allow.</summary>
    public IReadOnlyList<IngressDenyRule?>? IngressDeny { get; init; }

    /// <summary>Allowed egress.</summary>
    public IReadOnlyList<EgressRule?>? Egress { get; init; }

    /// <summary>Denied egress; a deny wins over every allow.</summary>
    public IReadOnlyList<EgressDenyRule?>? EgressDeny { get; init; }

    /// <summary>Metadata labels that identify the rule; they select nothing.</summary>
    public IReadOnlyList<CiliumLabel?>? Labels { get; init; }

    /// <summary>Whether the rule makes the selected endpoints default-deny per direction.</summary>
    public DefaultDenyConfig? EnableDefaultDeny { get; init; }

    /// <summary>Free text.</summary>
    public string? Description { get; init; }

    /// <summary>A value copied into the flows this rule matches.</summary>
    public LogConfig? Log { get; init; }
}
