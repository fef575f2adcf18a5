using System.Runtime.CompilerServices;
using Palisade.Datapath.Tests.Support;

namespace Palisade.Datapath.Tests.Nft;

public sealed class NftTransactionGoldenTests
{
    [Fact]
    public void Render_IdentityRuleset_MatchesGolden() => AssertGolden(NftSamples.IdentityRuleset().Render(), "identity.nft");

    [Fact]
    public void Render_SameTransactionTwice_IsTheSameText() =>
        Assert.Equal(NftSamples.IdentityRuleset().Render(), NftSamples.IdentityRuleset().Render());

    /// <summary>Compares with testdata/<paramref name="name"/> beside this file; PALISADE_UPDATE_GOLDEN=1 rewrites it instead (review the diff).</summary>
    private static void AssertGolden(string actual, string name, [CallerFilePath] string source = "")
    {
        var path = Path.Combine(Path.GetDirectoryName(source)!, "testdata", name);
        if (Environment.GetEnvironmentVariable("PALISADE_UPDATE_GOLDEN") == "1") File.WriteAllText(path, actual);
        Assert.Equal(File.ReadAllText(path), actual);
    }
}
