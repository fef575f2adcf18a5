using Palisade.Engine.Cluster;
using Palisade.Engine.Ir;
using Palisade.Engine.Lowering;
using Palisade.Policy.Diagnostics;
using Palisade.Policy.Loading;

namespace Palisade.Engine;

/// <summary>Builds an engine from loaded manifests: cluster state plus every policy lowered into the IR.</summary>
public static class EngineLoader
{
    /// <summary>Builds the engine for <paramref name="manifests"/>, which should have no errors.</summary>
    public static PolicyEngine FromManifests(ManifestSet manifests, ClusterOptions? options = null) =>
        FromManifests(manifests, options, new EngineInputs()).Engine;

    /// <summary>
    /// Builds the engine for <paramref name="manifests"/> with outside inputs (security groups, learned DNS names);
    /// also returns warnings about peers that resolve to nothing, located in the policy that names them.
    /// </summary>
    public static (PolicyEngine Engine, IReadOnlyList<Diagnostic> Notes) FromManifests(ManifestSet manifests, ClusterOptions? options, EngineInputs inputs)
    {
        var cluster = ClusterStateBuilder.Build(manifests, options);
        var (policies, notes) = Lower(manifests, inputs);
        return (PolicyEngine.Build(cluster, policies, inputs.Engine), notes);
    }

    /// <summary>The policies of every dialect in <paramref name="manifests"/>, lowered (what <see cref="PolicyEngine.WithPolicies"/> takes), and the lowering's notes.</summary>
    public static (IReadOnlyList<IrPolicy> Policies, IReadOnlyList<Diagnostic> Notes) Lower(ManifestSet manifests, EngineInputs inputs)
    {
        var context = new CiliumLoweringContext
        {
            Services = [.. manifests.Services.Select(s => s.Object)],
            SecurityGroups = inputs.SecurityGroups,
            HasDnsNames = inputs.Engine.AddressesOf is not null,
        };
        var policies = new List<IrPolicy>();
        policies.AddRange(manifests.NetworkPolicies.Select(p => NetworkPolicyLowering.Lower(p.Object)));
        foreach (var p in manifests.CiliumNetworkPolicies) policies.AddRange(CiliumLowering.Lower(p.Object, context, p.Source));
        foreach (var p in manifests.CiliumClusterwideNetworkPolicies) policies.AddRange(CiliumLowering.Lower(p.Object, context, p.Source));
        return (policies, context.Notes.Items);
    }
}
