using System.Text.Json;
using CsCheck;
using Palisade.Policy.Loading;

namespace Palisade.Policy.Tests.Fuzz;

/// <summary>
/// The lab stores each applied object as JSON (<see cref="ManifestObjects"/>) and loads its state back from that JSON:
/// whatever loads without errors must load back to the same objects — same pods with the same labels and ports, same
/// Services and policies — or the lab would run something other than what was applied.
/// </summary>
public class StoreRoundTripTests
{
    [Fact]
    public void MutatedSeeds_ThatLoad_LoadBackFromTheirStoredJsonUnchanged()
    {
        Gen.Select(Gen.Int[0, MutationFuzzTests.Seeds.Value.Length - 1], MutationFuzzTests.MutationGen.Array[0, 3],
                (seed, mutations) => mutations.Aggregate(MutationFuzzTests.Seeds.Value[seed], (t, m) => m.Apply(t)))
            .Sample(CheckRoundTrip, iter: 600);
    }

    private static void CheckRoundTrip(string text)
    {
        var input = new ManifestInput("fuzz.yaml", text);
        var original = ManifestLoader.Load([input]);
        if (original.HasErrors) return;
        var objects = ManifestObjects.Split([input]);
        var stored = ManifestLoader.Load(objects.Select(o => new ManifestInput(o.Key, o.Json.ToJsonString())));
        Assert.False(stored.HasErrors, string.Join("\n", stored.Diagnostics));
        Assert.Equal(Describe(original), Describe(stored));
    }

    private static string Describe(ManifestSet set) => JsonSerializer.Serialize(new
    {
        pods = set.Pods.Select(p => new { p.Namespace, p.Name, labels = p.Pod.Metadata.Labels, ports = p.Pod.Spec?.Containers?.SelectMany(c => c.Ports ?? []).Select(x => $"{x.Name}:{x.ContainerPort}/{x.Protocol}") }).OrderBy(p => p.Namespace + "/" + p.Name, StringComparer.Ordinal),
        services = set.Services.Select(s => k8s.KubernetesJson.Serialize(s.Object)).Order(StringComparer.Ordinal),
        policies = set.NetworkPolicies.Select(p => k8s.KubernetesJson.Serialize(p.Object)).Order(StringComparer.Ordinal),
        cilium = set.CiliumNetworkPolicies.Count + set.CiliumClusterwideNetworkPolicies.Count,
        namespaces = set.Namespaces.Select(n => n.Object.Metadata.Name).Order(StringComparer.Ordinal),
    });
}
