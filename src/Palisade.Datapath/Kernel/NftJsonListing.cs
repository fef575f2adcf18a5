using System.Text.Json;
using Palisade.Datapath.Nft;

namespace Palisade.Datapath.Kernel;

/// <summary>Reads <c>nft -j list table</c> output (JSON schema 1, nft 1.0.x) into a typed <see cref="NftListing"/>.</summary>
internal static class NftJsonListing
{
    /// <summary>The listing of <paramref name="table"/> in <paramref name="json"/>.</summary>
    /// <exception cref="NftException">The JSON holds an object this layer does not model (another key type, say).</exception>
    public static NftListing Parse(NftTable table, string json)
    {
        using var document = JsonDocument.Parse(json);
        var chains = new List<NftChain>();
        var comments = new Dictionary<string, List<string?>>(StringComparer.Ordinal);
        var sets = new List<NftSetListing>();
        foreach (var item in document.RootElement.GetProperty("nftables").EnumerateArray())
        {
            if (item.TryGetProperty("chain", out var chain)) chains.Add(Chain(table, chain));
            else if (item.TryGetProperty("set", out var set)) sets.Add(Set(table, set, null));
            else if (item.TryGetProperty("map", out var map)) sets.Add(Set(table, map, map.GetProperty("map").GetString()));
            else if (item.TryGetProperty("rule", out var rule)) Comments(comments, rule.GetProperty("chain").GetString()!).Add(Text(rule, "comment"));
        }
        return NftListing.Ordered(table, chains.Select(c => new NftChainListing(c, Comments(comments, c.Name))), sets);
    }

    private static List<string?> Comments(Dictionary<string, List<string?>> comments, string chain) =>
        comments.TryGetValue(chain, out var list) ? list : comments[chain] = [];

    private static NftChain Chain(NftTable table, JsonElement chain)
    {
        var name = chain.GetProperty("name").GetString()!;
        if (!chain.TryGetProperty("hook", out var hook)) return new NftChain(table, name);
        var type = NftSyntax.ChainType(Text(chain, "type") ?? "") ?? throw Unmodelled($"chain {table} {name} has type {Text(chain, "type")}");
        var point = NftSyntax.HookPoint(hook.GetString()!) ?? throw Unmodelled($"chain {table} {name} hooks {hook}");
        var policy = Text(chain, "policy") == "drop" ? NftPolicy.Drop : NftPolicy.Accept;
        return new NftChain(table, name, new NftHook(type, point, chain.GetProperty("prio").GetInt32(), policy));
    }

    private static NftSetListing Set(NftTable table, JsonElement json, string? mapsTo)
    {
        var name = json.GetProperty("name").GetString()!;
        var typeJson = json.GetProperty("type");
        var names = typeJson.ValueKind == JsonValueKind.Array ? typeJson.EnumerateArray().Select(t => t.GetString()!).ToList() : [typeJson.GetString()!];
        var parts = names.Select(n => NftSyntax.DataType(n) ?? throw Unmodelled($"set {table} {name} has key type {string.Join(" . ", names)}")).ToList();
        var data = mapsTo switch
        {
            null => (NftMapData?)null,
            "verdict" => NftMapData.Verdict,
            "mark" => NftMapData.Mark,
            _ => throw Unmodelled($"map {table} {name} maps to {mapsTo}"),
        };
        var set = new NftSet(table, name, new NftKeyType(parts), Flags(json), data);
        var elements = json.TryGetProperty("elem", out var elem) ? elem.EnumerateArray().Select(e => Element(set, e)).ToList() : [];
        return new NftSetListing(set, elements);
    }

    private static NftSetFlags Flags(JsonElement set)
    {
        if (!set.TryGetProperty("flags", out var flags)) return NftSetFlags.None;
        var names = flags.ValueKind == JsonValueKind.Array ? flags.EnumerateArray().Select(f => f.GetString()).ToList() : [flags.GetString()];
        return (names.Contains("constant") ? NftSetFlags.Constant : 0) | (names.Contains("interval") ? NftSetFlags.Interval : 0);
    }

    private static NftElement Element(NftSet set, JsonElement element)
    {
        var (key, data) = set.IsMap ? (element[0], element[1]) : (element, default);
        if (key.ValueKind == JsonValueKind.Object && key.TryGetProperty("elem", out var wrapped)) key = wrapped.GetProperty("val");
        var parts = key.ValueKind == JsonValueKind.Object && key.TryGetProperty("concat", out var concat) ? concat.EnumerateArray().ToList() : [key];
        var values = parts.Select((p, i) => NftValue.Parse(set.Key.Parts[i], ValueText(p))).ToList();
        return set.Check(set.Data switch
        {
            NftMapData.Mark => new NftElement(values, mark: NftValue.Parse(NftDataType.Mark, ValueText(data))),
            NftMapData.Verdict => new NftElement(values, verdict: Verdict(data)),
            _ => new NftElement(values),
        });
    }

    private static string ValueText(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object) return value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
        if (value.TryGetProperty("prefix", out var prefix)) return $"{prefix.GetProperty("addr").GetString()}/{prefix.GetProperty("len").GetInt32()}";
        if (value.TryGetProperty("range", out var range)) return $"{ValueText(range[0])}-{ValueText(range[1])}";
        throw Unmodelled($"element value {value.GetRawText()}");
    }

    private static NftVerdict Verdict(JsonElement verdict)
    {
        var property = verdict.EnumerateObject().Single();
        return property.Value.ValueKind == JsonValueKind.Object
            ? NftVerdict.Parse($"{property.Name} {property.Value.GetProperty("target").GetString()}")
            : NftVerdict.Parse(property.Name);
    }

    private static string? Text(JsonElement json, string property) => json.TryGetProperty(property, out var value) ? value.GetString() : null;

    private static NftException Unmodelled(string what) => new($"{what}, which this data plane does not model; list the table with nft to see it");
}
