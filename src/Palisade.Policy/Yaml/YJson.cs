using System.Globalization;
using System.Text.Json.Nodes;

namespace Palisade.Policy.Yaml;

/// <summary>
/// Converts a YAML node to JSON as kubectl does (sigs.k8s.io/yaml): plain scalars become numbers, booleans or null as
/// they resolve, quoted ones stay strings. Re-reading the JSON gives the same typed object.
/// </summary>
public static class YJson
{
    /// <summary>The JSON form of <paramref name="node"/>.</summary>
    public static JsonNode? ToJson(YNode node) => node switch
    {
        YMapping m => Mapping(m),
        YSequence s => new JsonArray([.. s.Items.Select(ToJson)]),
        YScalar s => Scalar(s),
        _ => null,
    };

    private static JsonObject Mapping(YMapping mapping)
    {
        var result = new JsonObject();
        foreach (var (key, value) in mapping.Entries) result[key.Value] = ToJson(value);
        return result;
    }

    private static JsonNode? Scalar(YScalar scalar) => scalar.Kind switch
    {
        ScalarKind.Null => null,
        ScalarKind.Bool => JsonValue.Create(scalar.Value.ToUpperInvariant() is "Y" or "YES" or "TRUE" or "ON"),
        ScalarKind.Int when ScalarResolver.TryParseInt(scalar.Value, out var i) => JsonValue.Create(i),
        ScalarKind.Float when double.TryParse(scalar.Value.Replace("_", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) => JsonValue.Create(d),
        _ => JsonValue.Create(scalar.Value),
    };
}
