using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Palisade.Lab.Topology;

/// <summary>Writes an <see cref="IPNetwork"/> as its CIDR text.</summary>
public sealed class IPNetworkJsonConverter : JsonConverter<IPNetwork>
{
    /// <inheritdoc/>
    public override IPNetwork Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => IPNetwork.Parse(reader.GetString()!);

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, IPNetwork value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
}
