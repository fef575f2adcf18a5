using Palisade.Engine.Fqdn;
using Palisade.Engine.L7;
using Palisade.Policy.Net;

namespace Palisade.Engine.Tests.L7;

/// <summary>The name → address cache: normalised names, insertion order, replacement, TTL expiry, reverse lookup.</summary>
public class FqdnCacheTests
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private static IpAddressValue Ip(string text) => IpAddressValue.TryParse(text, out var ip) ? ip : throw new ArgumentException(text);

    private static FqdnCacheEntry Entry(string name, string ip, int ttl = 60, int learnedAfter = 0, string? source = null) =>
        new(name, Ip(ip), ttl, T0.AddSeconds(learnedAfter), source);

    [Fact]
    public void Names_are_normalised_also_through_with()
    {
        var entry = Entry("API.GitHub.com", "140.82.113.5");
        Assert.Equal("api.github.com.", entry.Name);
        Assert.Equal("example.com.", (entry with { Name = "Example.COM" }).Name);
        Assert.Equal(T0.AddSeconds(60), entry.ExpiresAt);
    }

    [Fact]
    public void Entries_keep_insertion_order_and_readding_replaces_in_place()
    {
        var cache = new FqdnCache();
        cache.Add(Entry("b.example.com", "10.0.0.2"));
        cache.Add(Entry("a.example.com", "10.0.0.1"));
        var before = cache.Entries;
        cache.Add(Entry("B.example.com.", "10.0.0.2", ttl: 300, learnedAfter: 100, source: "default/client"));
        cache.Add(Entry("b.example.com", "10.0.0.3"));

        Assert.Equal(3, cache.Count);
        Assert.Equal(["b.example.com./10.0.0.2", "a.example.com./10.0.0.1", "b.example.com./10.0.0.3"], cache.Entries.Select(e => $"{e.Name}/{e.Address}"));
        Assert.Equal(300, cache.Entries[0].TtlSeconds);
        Assert.Equal(T0.AddSeconds(100), cache.Entries[0].LearnedAt);
        Assert.Equal("default/client", cache.Entries[0].SourceEndpoint);
        Assert.Equal(2, before.Count); // a snapshot
    }

    [Theory]
    [InlineData(null, 3)]
    [InlineData(0, 3)]
    [InlineData(59, 3)]
    [InlineData(60, 2)] // learned at T0 with TTL 60: expired at T0+60
    [InlineData(119, 2)]
    [InlineData(120, 1)]
    [InlineData(3600, 0)]
    public void Matching_drops_expired_entries_only_when_given_a_time(int? secondsAfter, int expected)
    {
        var cache = new FqdnCache([
            Entry("a.example.com", "10.0.0.1", ttl: 60),
            Entry("b.example.com", "10.0.0.2", ttl: 60, learnedAfter: 60),
            Entry("c.example.com", "10.0.0.3", ttl: 3000),
            Entry("other.org", "10.0.0.4", ttl: 100_000),
        ]);
        DateTimeOffset? now = secondsAfter is { } s ? T0.AddSeconds(s) : null;
        Assert.Equal(expected, cache.Matching(DnsNamePattern.Pattern("*.example.com"), now).Count());
    }

    [Fact]
    public void Matching_uses_the_pattern_semantics()
    {
        var cache = new FqdnCache([Entry("api.github.com", "1.1.1.1"), Entry("github.com", "1.1.1.2"), Entry("a.b.github.com", "1.1.1.3")]);
        Assert.Equal(["api.github.com."], cache.Matching(DnsNamePattern.Pattern("*.github.com")).Select(e => e.Name));
        Assert.Equal(["api.github.com.", "a.b.github.com."], cache.Matching(DnsNamePattern.Pattern("**.github.com")).Select(e => e.Name));
        Assert.Equal(["github.com."], cache.Matching(DnsNamePattern.Name("GITHUB.com")).Select(e => e.Name));
    }

    [Fact]
    public void NamesOf_lists_distinct_names_of_an_address_in_order()
    {
        var cache = new FqdnCache([
            Entry("z.example.com", "2001:db8::1", ttl: 10),
            Entry("a.example.com", "2001:db8::1", ttl: 1000),
            Entry("z.example.com", "10.0.0.1"),
        ]);
        Assert.Equal(["z.example.com.", "a.example.com."], cache.NamesOf(Ip("2001:db8::1")));
        Assert.Equal(["a.example.com."], cache.NamesOf(Ip("2001:db8::1"), T0.AddSeconds(10)));
        Assert.Empty(cache.NamesOf(Ip("10.9.9.9")));
    }

    [Fact]
    public void A_negative_ttl_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new FqdnCache().Add(Entry("a.com", "10.0.0.1", ttl: -1)));
}
