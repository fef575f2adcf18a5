namespace Palisade.Engine.Ir;

/// <summary>The three steps of the evaluation order in ARCHITECTURE.md.</summary>
public enum PolicyLayer
{
    /// <summary>ClusterNetworkPolicy tier Admin / AdminNetworkPolicy: never isolates.</summary>
    Admin = 0,

    /// <summary>Tiered policies: Kubernetes NetworkPolicy, Cilium, Calico. Selection isolates.</summary>
    Tiered = 1,

    /// <summary>ClusterNetworkPolicy tier Baseline / BaselineAdminNetworkPolicy: decides what is left open.</summary>
    Baseline = 2,
}
