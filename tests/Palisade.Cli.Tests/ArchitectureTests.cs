using System.Reflection;

namespace Palisade.Cli.Tests;

/// <summary>Dependencies point one way: Cli → Lab → Agent → Observe → Datapath → Engine → Policy. The engine and policy layers never reference upward.</summary>
public class ArchitectureTests
{
    private static string[] References(Assembly a) => [.. a.GetReferencedAssemblies().Select(n => n.Name!).Where(n => n.StartsWith("Palisade", StringComparison.Ordinal) || n == "palisade")];

    [Fact]
    public void Policy_ReferencesNoOtherPalisadeLayer() =>
        Assert.Empty(References(typeof(Palisade.Policy.Loading.ManifestLoader).Assembly));

    [Fact]
    public void Engine_ReferencesOnlyPolicy() =>
        Assert.Equal(["Palisade.Policy"], References(typeof(Palisade.Engine.PolicyEngine).Assembly));

    [Fact]
    public void Datapath_ReferencesOnlyTheEngineAndPolicyLayers() =>
        Assert.All(References(typeof(Palisade.Datapath.Nft.NftTransaction).Assembly), r => Assert.Contains(r, new[] { "Palisade.Engine", "Palisade.Policy" }));

    [Fact]
    public void Lab_ReferencesOnlyTheLayersBelowIt()
    {
        var references = References(typeof(Palisade.Lab.LabManager).Assembly);
        Assert.Contains("Palisade.Policy", references);
        Assert.All(references, r => Assert.Contains(r, new[] { "Palisade.Agent", "Palisade.Observe", "Palisade.Datapath", "Palisade.Engine", "Palisade.Policy" }));
    }

    [Fact]
    public void Agent_ReferencesOnlyTheDatapathAndTheLayersBelow()
    {
        var references = References(typeof(Palisade.Agent.NodeAgent).Assembly);
        Assert.Contains("Palisade.Datapath", references);
        Assert.All(references, r => Assert.Contains(r, new[] { "Palisade.Observe", "Palisade.Datapath", "Palisade.Engine", "Palisade.Policy" }));
    }

    [Fact]
    public void Observe_ReferencesOnlyTheDatapathAndTheLayersBelow() =>
        Assert.All(References(typeof(Palisade.Observe.Kernel.NflogReader).Assembly), r => Assert.Contains(r, new[] { "Palisade.Datapath", "Palisade.Engine", "Palisade.Policy" }));

    [Fact]
    public void Engine_DoesNoFileOrNetworkIo()
    {
        var forbidden = new[] { typeof(File), typeof(Directory), typeof(System.Net.Sockets.Socket), typeof(System.Net.Http.HttpClient), typeof(Console) };
        var engine = typeof(Palisade.Engine.PolicyEngine).Assembly;
        var offenders = engine.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Where(m => m.GetMethodBody() is not null && UsesAny(m, forbidden))
            .Select(m => $"{m.DeclaringType}.{m.Name}")
            .ToList();
        Assert.Empty(offenders);
    }

    private static bool UsesAny(MethodBase method, Type[] forbidden)
    {
        var il = method.GetMethodBody()!.GetILAsByteArray() ?? [];
        for (var i = 0; i + 4 < il.Length; i++)
        {
            if (il[i] is not (0x28 or 0x6F or 0x73)) continue; // call, callvirt, newobj
            try
            {
                var target = method.Module.ResolveMethod(BitConverter.ToInt32(il, i + 1));
                if (target?.DeclaringType is { } t && forbidden.Contains(t)) return true;
            }
            catch (ArgumentException)
            {
                // not a method token at this offset
            }
        }
        return false;
    }
}
