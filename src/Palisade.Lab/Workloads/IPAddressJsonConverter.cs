using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Palisade.Lab.Workloads;

/// <summary>Writes an <see cref="IPAddress"/> as its text ("10.0.1.5") and reads it back.</summary>
internal sealed class IPAddressJsonConverter : JsonConverter<IPAddress>
{
    /// <inheritdoc/>
    public override IPAddress Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        IPAddress.TryParse(reader.GetString(), out var address) ? address : throw new JsonException($"'{reader.GetString()}' is not an IP address");

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, IPAddress value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
}
