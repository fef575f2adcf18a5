using Palisade.Policy.Errors;
using Palisade.Policy.Inventory;

namespace Palisade.Policy.Tests.Inventory;

/// <summary>The <c>--dns-cache</c> file: the simple text format, Cilium's JSON, and messages that name file and line.</summary>
public class DnsCacheFileTests
{
    private const string Usage = "write one record per line as: <name> <address> [ttl=<seconds>] [from=<namespace>/<pod>]";

    private static InputException Fails(string text, string file = "dns-cache.txt") =>
        Assert.Throws<InputException>(() => DnsCacheFile.Parse(text, file));

    [Fact]
    public void Text_records_with_defaults_options_comments_and_blank_lines()
    {
        var records = DnsCacheFile.Parse(
            """
            # name            address        options
            api.github.com    140.82.113.5
            api.github.com.   2606:50c0::1   ttl=60 from=default/client   # trailing comment

            	Example.COM	93.184.216.34	ttl=0
            """, "dns-cache.txt");
        Assert.Equal(
            [
                new DnsCacheRecord("api.github.com", "140.82.113.5", DnsCacheFile.DefaultTtlSeconds, null, 2),
                new DnsCacheRecord("api.github.com.", "2606:50c0::1", 60, "default/client", 3),
                new DnsCacheRecord("Example.COM", "93.184.216.34", 0, null, 5),
            ],
            records);
    }

    [Fact]
    public void Empty_and_comment_only_files_have_no_records()
    {
        Assert.Empty(DnsCacheFile.Parse("", "f"));
        Assert.Empty(DnsCacheFile.Parse("\n  \n# nothing\r\n", "f"));
        Assert.Single(DnsCacheFile.Parse("\uFEFFa.com 10.0.0.1\r\n", "f"));
    }

    [Theory]
    [InlineData("a.com 10.0.0.300", "dns-cache.txt:3: \"10.0.0.300\" is not an IP address; " + Usage)]
    [InlineData("a.com", "dns-cache.txt:3: \"a.com\" has no address; " + Usage)]
    [InlineData("10.0.0.1 a.com", "dns-cache.txt:3: \"10.0.0.1\" is an address and \"a.com\" is not: the name comes first; " + Usage)]
    [InlineData("*.a.com 10.0.0.1", "dns-cache.txt:3: \"*.a.com\" is a pattern; a cache record names one host; " + Usage)]
    [InlineData("a..com 10.0.0.1", "dns-cache.txt:3: \"a..com\" is not a DNS name (letters, digits, '-', '_' and '.' only, no empty labels); " + Usage)]
    [InlineData("a.com 10.0.0.1 ttl=-5", "dns-cache.txt:3: ttl \"-5\" is not a whole number of seconds (0 to 2147483647); " + Usage)]
    [InlineData("a.com 10.0.0.1 ttl=1h", "dns-cache.txt:3: ttl \"1h\" is not a whole number of seconds (0 to 2147483647); " + Usage)]
    [InlineData("a.com 10.0.0.1 ttl=1 ttl=2", "dns-cache.txt:3: ttl is given twice; " + Usage)]
    [InlineData("a.com 10.0.0.1 from=client", "dns-cache.txt:3: from \"client\" is not <namespace>/<pod>; " + Usage)]
    [InlineData("a.com 10.0.0.1 60", "dns-cache.txt:3: unexpected \"60\" (only ttl=<seconds> and from=<namespace>/<pod> may follow the address); " + Usage)]
    public void A_bad_text_line_is_named_with_what_to_do(string line, string message) =>
        Assert.Equal(message, Fails($"# header\nok.com 10.0.0.1\n{line}\n").Message);

    [Fact]
    public void Every_bad_line_is_listed_in_one_exception()
    {
        var ex = Fails("a.com 10.0.0.1\nb.com 10.0.0.300\nc.com 10.0.0.3\nd.com\ne.com 10.0.0.5 ttl=x\n");
        var lines = ex.Message.Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("dns-cache.txt:2: \"10.0.0.300\"", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("dns-cache.txt:4: \"d.com\" has no address", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("dns-cache.txt:5: ttl \"x\"", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Very_many_bad_lines_are_cut_short()
    {
        var ex = Fails(string.Concat(Enumerable.Range(1, 30).Select(i => $"a{i}.com bad\n")));
        var lines = ex.Message.Split('\n');
        Assert.Equal(21, lines.Length);
        Assert.Equal("dns-cache.txt: … and 10 more problems", lines[^1]);
    }

    private const string CiliumJson =
        """
        [
          {
            "endpoint-id": 3459,
            "expiration-time": "2020-04-21T15:04:27.146Z",
            "fqdn": "cilium.io.",
            "ips": [
              "104.198.14.52",
              "2606:4700::6810:84e5"
            ],
            "lookup-time": "2020-04-21T14:04:27.146Z",
            "source": "lookup",
            "ttl": 3600
          },
          {
            "expiration-time": "2020-04-21T14:05:27.146Z",
            "fqdn": "api.github.com.",
            "ips": ["140.82.113.5"],
            "lookup-time": "2020-04-21T14:04:27.146Z",
            "source": "connection",
            "something-new": {"nested": [1, 2]}
          }
        ]
        """;

    [Fact]
    public void Cilium_json_gives_one_record_per_address()
    {
        var records = DnsCacheFile.Parse(CiliumJson, "cache.json");
        var lookup = new DateTimeOffset(2020, 4, 21, 14, 4, 27, 146, TimeSpan.Zero);
        Assert.Equal(
            [
                new DnsCacheRecord("cilium.io.", "104.198.14.52", 3600, "endpoint 3459", 7) { LearnedAt = lookup },
                new DnsCacheRecord("cilium.io.", "2606:4700::6810:84e5", 3600, "endpoint 3459", 8) { LearnedAt = lookup },
                new DnsCacheRecord("api.github.com.", "140.82.113.5", 60, null, 17) { LearnedAt = lookup },
            ],
            records);
    }

    [Fact]
    public void Json_without_times_or_ttl_has_ttl_zero_and_an_empty_array_no_records()
    {
        Assert.Equal([new DnsCacheRecord("a.com", "10.0.0.1", 0, null, 1)], DnsCacheFile.Parse("""[{"fqdn": "a.com", "ips": ["10.0.0.1"]}]""", "c.json"));
        Assert.Empty(DnsCacheFile.Parse("  []  ", "c.json"));
        Assert.Empty(DnsCacheFile.Parse("""[{"fqdn": "a.com", "ips": null}]""", "c.json"));
    }

    [Theory]
    [InlineData("[\n{\"fqdn\": \"a.com\",\n \"ips\": [\"10.0.0.1\",\n \"10.0.0.300\"]}]", "c.json:4: entry [0] ips[1] \"10.0.0.300\" is not an IP address")]
    [InlineData("[\n{\"ips\": [\"10.0.0.1\"]}]", "c.json:2: entry [0] has no \"fqdn\"")]
    [InlineData("[\n{\"fqdn\": 5}]", "c.json:2: entry [0] \"fqdn\" is not a string")]
    [InlineData("[\n{\"fqdn\": \"a b\"}]", "c.json:2: entry [0] \"fqdn\": \"a b\" is not a DNS name")]
    [InlineData("[{\"fqdn\": \"a.com\",\n\"ttl\": -1}]", "c.json:2: entry [0] \"ttl\" -1 is not a whole number of seconds")]
    [InlineData("[{\"fqdn\": \"a.com\",\n\"lookup-time\": \"yesterday\"}]", "c.json:2: entry [0] \"lookup-time\" \"yesterday\" is not a date-time")]
    [InlineData("[{\"fqdn\": \"a.com\", \"ips\": \"10.0.0.1\"}]", "c.json:1: entry [0] \"ips\" is not an array of addresses")]
    [InlineData("[\n1]", "c.json:2: entry [0] is not an object")]
    [InlineData("{\"fqdn\": \"a.com\"}", "c.json:1: expected a JSON array of cache entries")]
    [InlineData("[\n{\"fqdn\": \"a.com\",\n}", "c.json:3: invalid JSON:")]
    [InlineData("[\n{\"fqdn\": \"a.com\"}\n", "c.json:")]
    [InlineData("[]\n[]", "c.json:2: invalid JSON:")]
    public void Bad_json_is_named_by_line_and_field(string json, string start)
    {
        var message = Fails(json, "c.json").Message;
        Assert.StartsWith(start, message, StringComparison.Ordinal);
        Assert.EndsWith("give the output of `cilium-dbg fqdn cache list -o json` unchanged", message, StringComparison.Ordinal);
    }
}
