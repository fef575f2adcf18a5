namespace Palisade.Engine.Verdicts;

/// <summary>Why one side (egress of the source, ingress of the destination) decided as it did.</summary>
public enum SideReason
{
    /// <summary>The side is not a managed endpoint (outside address, exempt host-network pod): not evaluated.</summary>
    NotEvaluated,

    /// <summary>No policy isolates the endpoint in this direction.</summary>
    NotIsolated,

    /// <summary>A rule allowed it.</summary>
    AllowedByRule,

    /// <summary>A deny rule denied it.</summary>
    DeniedByRule,

    /// <summary>The endpoint is isolated and no rule allowed it.</summary>
    DefaultDeny,

    /// <summary>
    /// The pod's own node reaches it whatever the policies say: Kubernetes ("traffic to and from the node where a Pod
    /// is running is always allowed") and Cilium's allow-localhost, which is "always" in Kubernetes mode.
    /// </summary>
    LocalHost,

    /// <summary>
    /// Audit (dry-run): the enforced policies allow it but enforcing every policy would drop it (a policy in audit
    /// mode, or the endpoint or the cluster in audit mode). Let through and logged; <c>WouldBe</c> says how it would
    /// have been dropped (<see cref="DeniedByRule"/> or <see cref="DefaultDeny"/>).
    /// </summary>
    Audit,
}
