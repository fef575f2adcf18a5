using Palisade.Policy.Yaml;

namespace Palisade.Policy.Tests.Loading;

/// <summary>Plain scalars resolve as kubectl's YAML 1.1 reader (yaml.v2 under sigs.k8s.io/yaml) resolves them.</summary>
public class ScalarResolutionTests
{
    [Theory]
    [InlineData("", ScalarKind.Null)]
    [InlineData("~", ScalarKind.Null)]
    [InlineData("null", ScalarKind.Null)]
    [InlineData("yes", ScalarKind.Bool)]
    [InlineData("On", ScalarKind.Bool)]
    [InlineData("n", ScalarKind.Bool)]
    [InlineData("FALSE", ScalarKind.Bool)]
    [InlineData("80", ScalarKind.Int)]
    [InlineData("-1", ScalarKind.Int)]
    [InlineData("+5", ScalarKind.Int)]
    [InlineData("0x1F", ScalarKind.Int)]
    [InlineData("1_000", ScalarKind.Int)]
    [InlineData("9999999999", ScalarKind.Int)]
    [InlineData("1.10", ScalarKind.Float)]
    [InlineData("1e3", ScalarKind.Float)]
    [InlineData(".5", ScalarKind.Float)]
    [InlineData("99999999999999999999", ScalarKind.Float)]
    [InlineData("web", ScalarKind.String)]
    [InlineData("0x", ScalarKind.String)]
    [InlineData("_1", ScalarKind.String)]
    [InlineData("-", ScalarKind.String)]
    [InlineData("10.0.0.0/8", ScalarKind.String)]
    [InlineData("True_", ScalarKind.String)]
    public void Resolve(string text, ScalarKind kind) => Assert.Equal(kind, ScalarResolver.Resolve(text));

    [Theory]
    [InlineData("80", 80)]
    [InlineData("-80", -80)]
    [InlineData("+80", 80)]
    [InlineData("010", 8)]
    [InlineData("0o17", 15)]
    [InlineData("0x50", 80)]
    [InlineData("0X50", 80)]
    [InlineData("-0x10", -16)]
    [InlineData("0b101", 5)]
    [InlineData("1_000", 1000)]
    [InlineData("0", 0)]
    [InlineData("08", 8)]
    [InlineData("0443", 291)]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("-9223372036854775808", long.MinValue)]
    public void TryParseInt_ReadsYaml11Integers(string text, long expected)
    {
        Assert.True(ScalarResolver.TryParseInt(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("9223372036854775808")]
    [InlineData("0x")]
    [InlineData("0b2")]
    [InlineData("1.0")]
    [InlineData("1e3")]
    [InlineData("_1")]
    [InlineData("0xg")]
    [InlineData("web")]
    public void TryParseInt_RejectsNonIntegers(string text) => Assert.False(ScalarResolver.TryParseInt(text, out _));

    [Fact]
    public void QuotedScalars_AreAlwaysStrings()
    {
        Assert.Equal(ScalarKind.String, new YScalar("80", quoted: true, 1, 1).Kind);
        Assert.Equal(ScalarKind.Int, new YScalar("80", quoted: false, 1, 1).Kind);
    }
}
