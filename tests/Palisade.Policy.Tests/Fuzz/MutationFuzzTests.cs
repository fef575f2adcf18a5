using CsCheck;
using k8s;
using Palisade.Testing.Generators;
using Palisade.Policy.Tests.Support;

namespace Palisade.Policy.Tests.Fuzz;

/// <summary>Valid manifests broken in small random ways: the loader reports every problem and never throws.</summary>
public class MutationFuzzTests
{
    /// <summary>Values that are valid YAML but wrong or surprising for Kubernetes fields.</summary>
    private static readonly string[] NastyValues =
    [
        "~", "null", "", "on", "9999999999", "010", "0x50", "1_000", "-0b1", "yes", "\"80\"", "'TCP'", "-1", "0", "65536", "99999999999999999999", "1e400", ".nan", "0x1F",
        "[]", "{}", "[a, b]", "{a: b}", "*nope", "&x", "!!binary aGVsbG8=", "!!str 5", "|", "\"\"", "10.0.0.0/33", "::/0",
        "\"a b\"", "-", "?", "'", "\"unterminated", "[", "{", "a: b: c", "- x", "\t", "kind", "Ingress", "In",
    ];

    internal static readonly Gen<Mutation> MutationGen =
        Gen.Select(Gen.Enum<MutationKind>(), Gen.Int[0, 10_000], Gen.Int[0, 100_000], Gen.Int[0, 7], Gen.OneOf(NastyValues),
            (kind, line, position, amount, token) => new Mutation(kind, line, position, amount, token.Length == 0 ? "x" : token));

    internal static readonly Lazy<string[]> Seeds = new(() =>
        [.. Directory.GetFiles(Path.Combine(TestFiles.TestData, "fuzz", "seeds")).Order(StringComparer.Ordinal).Select(File.ReadAllText),
         File.ReadAllText(Path.Combine(TestFiles.SharedFixtures, "real-world", "sock-shop-complete-demo.yaml")),
         .. Directory.GetFiles(Path.Combine(TestFiles.SharedFixtures, "real-world", "cilium-starwars")).Order(StringComparer.Ordinal).Select(File.ReadAllText)]);

    [Fact]
    public void MutatedSeedManifests_NeverThrow()
    {
        Gen.Select(Gen.Int[0, Seeds.Value.Length - 1], MutationGen.Array[1, 5], Mutate)
            .Sample(LoaderInvariant.Check, iter: LoaderInvariant.Iterations);
    }

    [Fact]
    public void MutatedGeneratedPolicies_NeverThrow()
    {
        var policies = PolicyGen.Policy(["default", "shop"], new ClusterGenOptions()).Select(p =>
        {
            p.Metadata.Name = "generated";
            return KubernetesYaml.Serialize(p);
        });
        Gen.Select(policies, MutationGen.Array[0, 4], (text, mutations) => mutations.Aggregate(text, (t, m) => m.Apply(t)))
            .Sample(LoaderInvariant.Check, iter: LoaderInvariant.Iterations);
    }

    [Fact]
    public void Seeds_LoadWithoutErrors()
    {
        foreach (var seed in Seeds.Value)
        {
            var set = Manifests.Load(seed);
            Assert.False(set.HasErrors, set.Listing());
        }
    }

    private static string Mutate(int seed, Mutation[] mutations) => mutations.Aggregate(Seeds.Value[seed], (t, m) => m.Apply(t));
}
