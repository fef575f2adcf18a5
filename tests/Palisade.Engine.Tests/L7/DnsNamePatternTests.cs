using CsCheck;
using Palisade.Engine.Ir;
using Palisade.Engine.L7;
using Palisade.Policy.Cilium;

namespace Palisade.Engine.Tests.L7;

/// <summary>
/// matchName and matchPattern as Cilium matches them (pkg/fqdn/matchpattern): lower case, trailing dot, <c>*</c>
/// within one label, a leading <c>**.</c> over whole labels, and a pattern of only stars matching everything.
/// </summary>
public class DnsNamePatternTests
{
    [Theory]
    [InlineData("api.github.com", "api.github.com", true)]
    [InlineData("api.github.com", "API.GitHub.com", true)]
    [InlineData("api.github.com", "api.github.com.", true)]
    [InlineData("api.github.com.", "api.github.com", true)]
    [InlineData("API.GITHUB.COM", "api.github.com", true)]
    [InlineData("api.github.com", "github.com", false)]
    [InlineData("api.github.com", "xapi.github.com", false)]
    [InlineData("api.github.com", "a.api.github.com", false)]
    [InlineData("api.github.com", "api.github.com.evil.com", false)]
    [InlineData("_srv._tcp.example.com", "_SRV._tcp.example.com.", true)]
    public void MatchName_is_exact_up_to_case_and_trailing_dot(string name, string query, bool expected) =>
        Assert.Equal(expected, DnsNamePattern.Name(name).Matches(query));

    [Theory]
    [InlineData("*", "anything.example.com", true)]
    [InlineData("*", "com", true)]
    [InlineData("*", ".", true)]
    [InlineData("*", "", true)]
    [InlineData("**.", "a.b.c", true)]
    [InlineData("*.", "x", true)]
    [InlineData("*.github.com", "api.github.com", true)]
    [InlineData("*.github.com", "API.GITHUB.COM.", true)]
    [InlineData("*.github.com", "github.com", false)]
    [InlineData("*.github.com", "a.b.github.com", false)]
    [InlineData("*.github.com", "xgithub.com", false)]
    [InlineData("*.github.com", "api.github.com.evil", false)]
    [InlineData("*github.com", "github.com", true)]
    [InlineData("*github.com", "subgithub.com", true)]
    [InlineData("*github.com", "api.github.com", false)]
    [InlineData("**.github.com", "a.github.com", true)]
    [InlineData("**.github.com", "a.b.github.com", true)]
    [InlineData("**.github.com", "A.B.C.GitHub.com.", true)]
    [InlineData("**.github.com", "github.com", false)]
    [InlineData("**.github.com", "agithub.com", false)]
    [InlineData("***.github.com", "a.b.github.com", true)]
    [InlineData("api.*.com", "api.github.com", true)]
    [InlineData("api.*.com", "api.a.b.com", false)]
    [InlineData("api.*.com", "api.github.org", false)]
    [InlineData("sub*.cilium.io", "sub.cilium.io", true)]
    [InlineData("sub*.cilium.io", "subdomain.cilium.io", true)]
    [InlineData("sub*.cilium.io", "www.cilium.io", false)]
    [InlineData("sub*.cilium.io", "cilium.io", false)]
    [InlineData("sub*.cilium.io", "a.sub.cilium.io", false)]
    [InlineData("*.ci*.io", "anysub.ciliumandmore.io", true)]
    [InlineData("*.ci*.io", "anysub.ci.io", true)]
    [InlineData("*.ci*.io", "cilium.io", false)]
    [InlineData("*.*.cilium.io", "_foobar._tcp.cilium.io", true)]
    [InlineData("a**b.com", "ab.com", true)]
    [InlineData("github.com", "github.com", true)]
    [InlineData("github.com", "githubxcom", false)]
    [InlineData("*.GitHub.COM", "api.github.com", true)]
    [InlineData("*.github.com.", "api.github.com", true)]
    public void MatchPattern_follows_cilium(string pattern, string query, bool expected) =>
        Assert.Equal(expected, DnsNamePattern.Pattern(pattern).Matches(query));

    [Fact]
    public void Odd_characters_are_literal_and_never_throw()
    {
        var pattern = DnsNamePattern.Pattern("a(b.[c]*");
        Assert.True(pattern.Matches("a(b.[c]x"));
        Assert.False(pattern.Matches("ab.c"));
    }

    [Fact]
    public void Selectors_and_text()
    {
        var name = DnsNamePattern.FromSelector(new FqdnSelector { MatchName = "api.github.com" });
        Assert.False(name.IsPattern);
        Assert.Equal("api.github.com", name.Text);
        Assert.Equal("matchName: api.github.com", name.ToString());

        var pattern = DnsNamePattern.FromSelector(new FqdnSelector { MatchPattern = "*.github.com" });
        Assert.True(pattern.IsPattern);
        Assert.Equal("matchPattern: *.github.com", pattern.ToString());
        Assert.True(DnsNamePattern.Pattern("*").MatchesEverything);

        var neither = DnsNamePattern.FromSelector(new FqdnSelector());
        Assert.False(neither.Matches("."));
        Assert.False(neither.Matches("api.github.com"));

        Assert.Equal("api.github.com.", DnsNamePattern.Normalize("API.GitHub.com"));
        Assert.Equal(".", DnsNamePattern.Normalize(""));
    }

    [Fact]
    public void Dns_rules_allow_a_query_matching_any_pattern()
    {
        var rules = Assert.IsType<DnsL7Rules>(L7Lowering.Lower(new Palisade.Policy.Cilium.L7Rules
        {
            Dns = [new FqdnSelector { MatchName = "api.github.com" }, null, new FqdnSelector { MatchPattern = "*.example.com" }],
        }));
        Assert.Equal("dns: [matchName: api.github.com; matchPattern: *.example.com]", rules.ToString());
        Assert.True(rules.Allows(new DnsQuery("API.github.com")));
        Assert.True(rules.Allows(new DnsQuery("www.example.com.")));
        Assert.False(rules.Allows(new DnsQuery("example.com")));

        // Both set (validation rejects it): Cilium's DNS proxy ORs them.
        var both = Assert.IsType<DnsL7Rules>(L7Lowering.Lower(new Palisade.Policy.Cilium.L7Rules { Dns = [new FqdnSelector { MatchName = "a.com", MatchPattern = "*.b.com" }] }));
        Assert.Equal(2, both.Rules.Count);

        Assert.Null(L7Lowering.Lower(new Palisade.Policy.Cilium.L7Rules { Dns = [] }));
    }

    private static readonly Gen<string> Label = Gen.String[Gen.Char["abcxyzABCXYZ0189-_"], 1, 10];

    private static readonly Gen<string[]> Labels = Label.Array[1, 5];

    [Fact]
    public void A_random_name_matches_star_and_its_own_matchName_in_any_case()
    {
        Gen.Select(Labels, Gen.Bool, Gen.Int.Array[1, 40]).Sample((labels, dot, flips) =>
        {
            var name = string.Join(".", labels) + (dot ? "." : "");
            var recased = new string([.. name.Select((c, i) => flips[i % flips.Length] % 2 == 0 ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c))]);
            Assert.True(DnsNamePattern.Pattern("*").Matches(name));
            Assert.True(DnsNamePattern.Name(name).Matches(recased));
            Assert.True(DnsNamePattern.Name(recased).Matches(name.TrimEnd('.')));
            Assert.True(DnsNamePattern.Pattern(name).Matches(recased));
        }, iter: 5_000);
    }

    [Fact]
    public void Star_dot_matches_exactly_one_more_label_and_double_star_one_or_more()
    {
        Gen.Select(Labels, Labels).Sample((prefix, suffix) =>
        {
            var domain = string.Join(".", suffix);
            var name = string.Join(".", prefix) + "." + domain;
            Assert.Equal(prefix.Length == 1, DnsNamePattern.Pattern("*." + domain).Matches(name));
            Assert.True(DnsNamePattern.Pattern("**." + domain).Matches(name));
            Assert.False(DnsNamePattern.Pattern("**." + domain).Matches(domain));
        }, iter: 5_000);
    }
}
