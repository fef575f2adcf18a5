using Palisade.Engine.Identities;

namespace Palisade.Engine.Ir;

/// <summary>
/// A policy of any dialect lowered into one form: where it sits in the evaluation order (layer, tier and its order,
/// policy order), whom it applies to, in which directions selecting isolates, and its rules. An audit policy
/// (<c>Audit</c>, annotation <c>policy.palisade.dev/mode: audit</c>) is not enforced: what it alone would drop is an
/// <see cref="Verdicts.SideReason.Audit"/> verdict, let through.
/// </summary>
public sealed record IrPolicy(
    PolicyRef Ref,
    PolicyLayer Layer,
    string Tier,
    double TierOrder,
    double Order,
    EndpointSelector Subject,
    bool IsolatesIngress,
    bool IsolatesEgress,
    IReadOnlyList<IrRule> Rules,
    bool Audit = false)
{
    /// <summary>
    /// For a host policy (Cilium nodeSelector), the nodes it applies to; <see cref="Subject"/> then selects no pod.
    /// Null for policies that apply to pods.
    /// </summary>
    public Labels.LabelSelector? Nodes { get; init; }

    /// <summary>The tier Kubernetes NetworkPolicy and Cilium allows live in, with Calico's order.</summary>
    public const string DefaultTier = "default";

    /// <summary>Calico's order for Kubernetes NetworkPolicy.</summary>
    public const double DefaultOrder = 1000;

    /// <summary>True when selecting an endpoint isolates it in <paramref name="direction"/>.</summary>
    public bool Isolates(Direction direction) => direction == Direction.Ingress ? IsolatesIngress : IsolatesEgress;
}
