using Palisade.Engine.Cluster;
using Palisade.Engine.Lowering;
using Palisade.Policy.Loading;

namespace Palisade.Engine;

/// <summary>Builds an engine from loaded manifests: cluster state plus every policy lowered into the IR.</summary>
public static class EngineLoader
{
    /// <summary>Builds the engine for <paramref name="manifests"/>, which should have no errors.</summary>
    public static PolicyEngine FromManifests(ManifestSet manifests, ClusterOptions? options = null)
    {
        var cluster = ClusterStateBuilder.Build(manifests, options);
        var policies = manifests.NetworkPolicies.Select(p => NetworkPolicyLowering.Lower(p.Object));
        return PolicyEngine.Build(cluster, policies);
    }
}
