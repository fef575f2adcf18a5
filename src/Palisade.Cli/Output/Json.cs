using System.Text.Encodings.Web;
using System.Text.Json;

namespace Palisade.Cli.Output;

/// <summary>The JSON settings of every command's -o json output.</summary>
internal static class Json
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(object value, TextWriter writer) => writer.WriteLine(JsonSerializer.Serialize(value, Options));
}
