using System.Text.RegularExpressions;
using CsCheck;
using Palisade.Engine.Ir;
using Palisade.Engine.L7;
using Palisade.Policy.Cilium;

namespace Palisade.Engine.Tests.L7;

/// <summary>
/// Cilium HTTP rules as Envoy decides them: anchored RE2 patterns for method, path and host, header presence and
/// exact values, headerMatches with and without a mismatch action, and the empty rule.
/// </summary>
public class HttpRuleTests
{
    private static HttpRequest Request(string method, string path, params string[] headers) => HttpRequest.Parse(method, path, headers);

    private static HttpRule Path(string pattern) => HttpRule.From(new PortRuleHttp { Path = pattern });

    [Theory]
    [InlineData("/v1/request-landing", "/v1/request-landing", true)]
    [InlineData("/v1/request-landing", "/v1/request-landing/x", false)]
    [InlineData("/v1/request-landing", "/x/v1/request-landing", false)]
    [InlineData("/v1/", "/v1/foo", false)]
    [InlineData("/public/.*", "/public/", true)]
    [InlineData("/public/.*", "/public/a/b", true)]
    [InlineData("/public/.*", "/public", false)]
    [InlineData("/public/.*", "/publicity/", false)]
    [InlineData("/public", "/public?x=1", false)]
    [InlineData("/public.*", "/public?x=1", true)]
    [InlineData("/a.c", "/abc", true)]
    [InlineData(@"/a\.c", "/abc", false)]
    [InlineData(@"/a\.c", "/a.c", true)]
    [InlineData("^/v1$", "/v1", true)]
    [InlineData("/v1$", "/v1\n", false)]
    [InlineData("/(v1|v2)/items", "/v2/items", true)]
    [InlineData("/(v1|v2)/items", "/v3/items", false)]
    [InlineData("/v1|/v2", "/v2", true)]
    [InlineData("/v1|/v2", "/v1/x", false)]
    [InlineData("||()*?", "", true)] // an empty lazy loop: .NET's interpreter would spin on it as a capturing group
    [InlineData("||()*?", "bab", false)]
    [InlineData("(a?)+?|", "", true)]
    [InlineData("(a?)+?|", "aa", true)]
    [InlineData("(a?)+?|", "b", false)]
    public void Path_must_match_the_whole_value(string pattern, string path, bool expected) =>
        Assert.Equal(expected, Path(pattern).Matches(Request("GET", path)));

    [Theory]
    [InlineData("GET", "GET", true)]
    [InlineData("GET", "GETX", false)]
    [InlineData("GET", "XGET", false)]
    [InlineData("GET", "get", false)]
    [InlineData("GET|HEAD", "GET", true)]
    [InlineData("GET|HEAD", "HEAD", true)]
    [InlineData("GET|HEAD", "POST", false)]
    [InlineData("GET|HEAD", "GETHEAD", false)]
    [InlineData("P(UT|OST)", "POST", true)]
    [InlineData("P(UT|OST)", "PATCH", false)]
    [InlineData("(?i)get", "GET", true)]
    [InlineData("[A-Z]+", "DELETE", true)]
    public void Method_is_an_anchored_case_sensitive_pattern(string pattern, string method, bool expected) =>
        Assert.Equal(expected, HttpRule.From(new PortRuleHttp { Method = pattern }).Matches(Request(method, "/")));

    [Theory]
    [InlineData("/id/[[:digit:]]+", "/id/123", true)]
    [InlineData("/id/[[:digit:]]+", "/id/12a", false)]
    [InlineData("/[[:alpha:]]+", "/abcXYZ", true)]
    [InlineData("/[[:alpha:]]+", "/ab1", false)]
    [InlineData("/[[:alnum:]]+", "/ab1", true)]
    [InlineData("/[[:alnum:]]+", "/ab_1", false)]
    [InlineData("/[[:upper:]]+", "/ABC", true)]
    [InlineData("/[[:upper:]]+", "/AbC", false)]
    [InlineData("/[[:lower:]]+", "/abc", true)]
    [InlineData("/[[:lower:]]+", "/aBc", false)]
    [InlineData("/[[:xdigit:]]+", "/deadBEEF09", true)]
    [InlineData("/[[:xdigit:]]+", "/xyz", false)]
    [InlineData("/a[[:space:]]b", "/a b", true)]
    [InlineData("/a[[:space:]]b", "/a_b", false)]
    [InlineData("/a[[:punct:]]b", "/a-b", true)]
    [InlineData("/a[[:punct:]]b", "/a~b", true)]
    [InlineData("/a[[:punct:]]b", "/acb", false)]
    [InlineData("/[^[:digit:]]+", "/abc", true)]
    [InlineData("/[^[:digit:]]+", "/a1", false)]
    [InlineData("/[[:^digit:]]+", "/abc", true)]
    [InlineData("/[[:digit:][:upper:]]+", "/9Z", true)]
    [InlineData("/[[:digit:][:upper:]]+", "/9z", false)]
    [InlineData(@"/\d+", "/123", true)]
    [InlineData(@"/\d+", "/\u0661\u0662", false)] // Arabic-Indic digits: RE2's \d is ASCII
    [InlineData(@"/\w+", "/a_1", true)]
    [InlineData(@"/\w+", "/é", false)]
    [InlineData("/[a-]+", "/a-a", true)]
    [InlineData("/[]a]+", "/]a", true)]
    [InlineData("/[a-c-e]+", "/-e", true)]
    [InlineData("/x{2}", "/xx", true)]
    [InlineData("/x{2}", "/xxx", false)]
    [InlineData("/x{,2}", "/x{,2}", true)]
    [InlineData("/a{1,3}", "/aaa", true)]
    [InlineData("/a{1,3}", "/aaaa", false)]
    [InlineData(@"/\Q.*\E", "/.*", true)]
    [InlineData(@"/\Q.*\E", "/ab", false)]
    [InlineData(@"/\x41\x{42}", "/AB", true)]
    public void Posix_classes_and_escapes_follow_re2(string pattern, string path, bool expected) =>
        Assert.Equal(expected, Path(pattern).Matches(Request("GET", path)));

    [Theory]
    [InlineData("/(a+)+b", false)]
    [InlineData("/(a|aa)*b", false)]
    [InlineData("/.*.*.*.*.*.*b", false)]
    [InlineData("/(a+)+", true)]
    [InlineData("/.*.*.*.*.*.*a", true)]
    public void Patterns_that_backtrack_badly_stay_fast_and_correct(string pattern, bool expected)
    {
        var path = "/" + new string('a', 5_000);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        Assert.Equal(expected, Path(pattern).Matches(Request("GET", path)));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"{pattern} took {watch.Elapsed}");
    }

    [Theory]
    [InlineData(@"/(a)\1")]
    [InlineData("/(?=a)a")]
    [InlineData("/(?<=a)a")]
    [InlineData("/a**")]
    [InlineData("/[[.a.]]")]
    [InlineData("/[[=a=]]")]
    [InlineData(@"/\p{Greek}")]
    [InlineData("/x{1001}")]
    [InlineData("/[z-a]")]
    [InlineData("/(")]
    [InlineData("/)")]
    [InlineData("/[abc")]
    [InlineData("/\\")]
    [InlineData("*/")]
    [InlineData(@"/\y")]
    [InlineData("/[[:foo:]]")]
    [InlineData("/(x{1000}){1000}")]
    public void Untranslatable_patterns_make_the_rule_match_nothing(string pattern)
    {
        var rule = Path(pattern);
        Assert.True(rule.MatchesNothing);
        Assert.Contains(rule.Problems, p => p.Contains("path", StringComparison.Ordinal));
        Assert.False(rule.Matches(Request("GET", "/a")));
        Assert.False(rule.Matches(Request("GET", pattern)));
        Assert.EndsWith("(matches nothing)", rule.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(@"api\.example\.com", "api.example.com", true)]
    [InlineData(@"api\.example\.com", "api.example.com:8080", false)]
    [InlineData(@"api\.example\.com", "xapi.example.com", false)]
    [InlineData(@".*\.example\.com(:[0-9]+)?", "a.example.com:8080", true)]
    [InlineData(null, "anything", true)]
    public void Host_matches_the_authority_as_sent(string? pattern, string host, bool expected) =>
        Assert.Equal(expected, HttpRule.From(new PortRuleHttp { Host = pattern }).Matches(Request("GET", "/", $"Host: {host}")));

    [Fact]
    public void A_host_rule_does_not_match_a_request_without_host() =>
        Assert.False(HttpRule.From(new PortRuleHttp { Host = ".*" }).Matches(Request("GET", "/")));

    [Theory]
    [InlineData("X-My-Header: true", "X-My-Header: true", true)]
    [InlineData("X-My-Header: true", "x-my-header:true", true)]
    [InlineData("X-My-Header: true", "X-My-Header: false", false)]
    [InlineData("X-My-Header: true", "X-My-Header: TRUE", false)]
    [InlineData("X-My-Header: true", "X-Other: true", false)]
    [InlineData("X-My-Header", "X-My-Header: anything", true)]
    [InlineData("X-My-Header", "x-MY-header:", true)]
    [InlineData("X-My-Header", "X-Other: 1", false)]
    [InlineData("X-Key: a b", "X-Key: a b", true)]
    [InlineData("X-Key: a b", "X-Key: a", false)]
    [InlineData("X-Key:: v", "X-Key: v", true)]
    [InlineData("X-My-Header:true", "X-My-Header: true", false)] // Cilium splits at the space: a header named "X-My-Header:true"
    [InlineData("X-Key:  v", "X-Key: v", false)] // the value " v" keeps its space, a request value never does
    public void Headers_entries_split_at_the_first_space_as_in_cilium(string entry, string header, bool expected) =>
        Assert.Equal(expected, HttpRule.From(new PortRuleHttp { Headers = [entry] }).Matches(Request("GET", "/", header)));

    [Fact]
    public void A_headers_entry_without_space_after_the_colon_is_reported()
    {
        var rule = HttpRule.From(new PortRuleHttp { Headers = ["X-My-Header:true"] });
        Assert.True(rule.MatchesNothing);
        Assert.Contains(rule.Problems, p => p.Contains("no space after ':'", StringComparison.Ordinal) && p.Contains("\"X-My-Header: true\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Repeated_headers_are_matched_as_their_values_joined_with_commas()
    {
        var rule = HttpRule.From(new PortRuleHttp { Headers = ["X-A: 1,2"] });
        Assert.True(rule.Matches(Request("GET", "/", "X-A: 1", "x-a: 2")));
        Assert.False(rule.Matches(Request("GET", "/", "X-A: 1")));
    }

    [Theory]
    [InlineData(null, "X-Token: abc", true)]
    [InlineData(null, "X-Token: abd", false)]
    [InlineData(null, null, false)]
    [InlineData("LOG", "X-Token: abd", true)]
    [InlineData("LOG", null, true)]
    [InlineData("ADD", null, true)]
    [InlineData("DELETE", "X-Token: abd", true)]
    [InlineData("REPLACE", "X-Token: abd", true)]
    [InlineData("log", "X-Token: abd", false)] // not an action Cilium knows: FAIL_ON_MISMATCH
    public void HeaderMatches_deny_only_without_a_mismatch_action(string? mismatch, string? header, bool expected)
    {
        var rule = HttpRule.From(new PortRuleHttp { HeaderMatches = [new HeaderMatch { Name = "X-Token", Value = "abc", Mismatch = mismatch }] });
        Assert.Equal(expected, rule.Matches(Request("GET", "/", header is null ? [] : [header])));
    }

    [Fact]
    public void A_headerMatch_without_value_requires_presence_and_one_with_a_secret_is_ignored()
    {
        var presence = HttpRule.From(new PortRuleHttp { HeaderMatches = [new HeaderMatch { Name = "X-Token" }] });
        Assert.True(presence.Matches(Request("GET", "/", "X-Token: whatever")));
        Assert.False(presence.Matches(Request("GET", "/")));

        var secret = HttpRule.From(new PortRuleHttp { HeaderMatches = [new HeaderMatch { Name = "X-Token", Secret = new SecretRef { Name = "s" } }] });
        Assert.True(secret.Matches(Request("GET", "/")));
        Assert.Contains(secret.Problems, p => p.Contains("secret", StringComparison.Ordinal));
    }

    [Fact]
    public void The_empty_rule_matches_every_request()
    {
        var rule = HttpRule.From(new PortRuleHttp());
        Assert.True(rule.IsEmpty);
        Assert.Equal("{} (every request)", rule.ToString());
        Assert.True(rule.Matches(Request("DELETE", "/anything?x", "Host: h")));
        Assert.True(HttpRule.From(new PortRuleHttp { Method = "", Path = "" }).IsEmpty); // Cilium: "" is unset
    }

    [Theory]
    [InlineData("GET", "/a", true)]
    [InlineData("POST", "/a", false)]
    [InlineData("GET", "/b", false)]
    public void Every_set_field_must_match(string method, string path, bool expected)
    {
        var rule = HttpRule.From(new PortRuleHttp { Method = "GET", Path = "/a", Headers = ["X-A"] });
        Assert.Equal(expected, rule.Matches(Request(method, path, "X-A: 1")));
        Assert.False(rule.Matches(Request(method, path)));
    }

    [Fact]
    public void ToString_is_compact()
    {
        Assert.Equal("POST /v1/request-landing", HttpRule.From(new PortRuleHttp { Method = "POST", Path = "/v1/request-landing" }).ToString());
        Assert.Equal("method=GET", HttpRule.From(new PortRuleHttp { Method = "GET" }).ToString());
        Assert.Equal("method=GET path=/public/.* host=api.example.com headers=[X-My-Header: true]",
            HttpRule.From(new PortRuleHttp { Method = "GET", Path = "/public/.*", Host = "api.example.com", Headers = ["X-My-Header: true"] }).ToString());
        Assert.Equal("headerMatches=[X-Token: abc (on mismatch LOG)] (every request)",
            HttpRule.From(new PortRuleHttp { HeaderMatches = [new HeaderMatch { Name = "X-Token", Value = "abc", Mismatch = "LOG" }] }).ToString());
    }

    [Fact]
    public void Parse_reads_headers_with_or_without_space_and_takes_the_host()
    {
        var request = HttpRequest.Parse("GET", "/x", ["Host: api.example.com:8443", "X-A:1", "x-b :  2 "]);
        Assert.Equal("api.example.com:8443", request.Host);
        Assert.Equal("1", request.HeaderValue("x-a"));
        Assert.Equal("2", request.HeaderValue("X-B"));
        Assert.True(request.HasHeader("HOST"));
        Assert.Null(request.HeaderValue("X-C"));
        Assert.Null(HttpRequest.Parse("GET", "/", []).Host);
    }

    [Theory]
    [InlineData("X-A")]
    [InlineData(": value")]
    public void Parse_rejects_a_header_without_name_or_colon(string header)
    {
        var ex = Assert.Throws<ArgumentException>(() => HttpRequest.Parse("GET", "/", [header]));
        Assert.Contains($"\"{header}\"", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lowering_keeps_empty_rules_and_drops_empty_lists()
    {
        var every = Assert.IsType<HttpL7Rules>(L7Lowering.Lower(new Palisade.Policy.Cilium.L7Rules { Http = [new PortRuleHttp()] }));
        Assert.Single(every.Rules);
        Assert.True(every.Allows(Request("PUT", "/x")));
        Assert.Equal("http: [{} (every request)]", every.ToString());

        // Cilium: "If omitted or empty, no layer 7 rules are enforced" (L7Rules.IsEmpty is Len() == 0).
        Assert.Null(L7Lowering.Lower(new Palisade.Policy.Cilium.L7Rules { Http = [] }));
        Assert.Null(L7Lowering.Lower(new Palisade.Policy.Cilium.L7Rules()));
        Assert.Null(L7Lowering.Lower(null));

        var onlyNull = Assert.IsType<HttpL7Rules>(L7Lowering.Lower(new Palisade.Policy.Cilium.L7Rules { Http = [null] }));
        Assert.Empty(onlyNull.Rules);
        Assert.False(onlyNull.Allows(Request("GET", "/")));
    }

    [Fact]
    public void Http_rules_allow_a_request_matching_any_rule()
    {
        var rules = Assert.IsType<HttpL7Rules>(L7Lowering.Lower(new Palisade.Policy.Cilium.L7Rules
        {
            Http = [new PortRuleHttp { Method = "GET", Path = "/public/.*" }, null, new PortRuleHttp { Method = "POST", Path = "/v1/request-landing" }],
        }));
        Assert.Equal(2, rules.Rules.Count);
        Assert.True(rules.Allows(Request("GET", "/public/x")));
        Assert.True(rules.Allows(Request("POST", "/v1/request-landing")));
        Assert.False(rules.Allows(Request("POST", "/public/x")));
        Assert.Equal("http: [GET /public/.*; POST /v1/request-landing]", rules.ToString());
    }

    private static readonly Gen<string> MetaPattern = Gen.String[Gen.Char["()[]{}*+?|^$.\\-:=!<>,0123456789aAdDwWsSbBpPQEx"], 0, 16];

    [Fact]
    public void From_never_throws_on_any_pattern_and_Matches_never_throws()
    {
        Gen.Select(MetaPattern, MetaPattern, Gen.String[Gen.Char["abc/.-[]"], 0, 8]).Sample((pattern, header, path) =>
        {
            var rule = HttpRule.From(new PortRuleHttp { Method = pattern, Path = pattern, Host = pattern, Headers = [header], HeaderMatches = [new HeaderMatch { Name = header, Value = pattern }] });
            _ = rule.Matches(Request("GET", path, "Host: " + path));
            _ = rule.ToString();
            Assert.True(!rule.MatchesNothing || rule.Problems.Count > 0, pattern);
        }, iter: 3_000); // patterns that repeat a group build .NET's linear-time engine, which is slow to construct
    }

    [Fact]
    public void Translation_agrees_with_dotnet_on_their_common_syntax()
    {
        // On letters, '.', '*', '+', '?', '|' and groups, RE2 and .NET mean the same; compare the whole-value verdicts.
        Gen.Select(Gen.String[Gen.Char["ab.*+?|()"], 1, 7], Gen.String[Gen.Char["ab"], 0, 4]).Sample((pattern, value) =>
        {
            if (pattern.Contains("(?", StringComparison.Ordinal)) return; // group syntax differs: .NET reads "(?+)" as options
            Regex reference;
            try
            {
                _ = new Regex(pattern, RegexOptions.CultureInvariant); // valid on its own, not only once wrapped: ")(" is not
                // .NET's interpreter spins on a repeated group that matches empty ("(a?)+?"): use its linear engine for those.
                var repeatsGroup = Regex.IsMatch(pattern, @"\)[*+?]");
                reference = new Regex(@"\A(?:" + pattern + @")\z", RegexOptions.CultureInvariant | (repeatsGroup ? RegexOptions.NonBacktracking : RegexOptions.None));
            }
            catch (ArgumentException)
            {
                return;
            }
            var rule = Path(pattern);
            Assert.False(rule.MatchesNothing, $"{pattern}: {string.Join("; ", rule.Problems)}");
            Assert.Equal(reference.IsMatch(value), rule.Matches(Request("GET", value)));
        }, iter: 20_000, print: c => $"pattern {c.Item1} value {c.Item2}");
    }
}
