using System.Text.Json;
using System.Text.Json.Serialization;
using Palisade.Lab.Model;

namespace Palisade.Lab.Workloads;

/// <summary>
/// The JSON of the workload host's protocol: camelCase names, nulls left out, protocols as "TCP"/"UDP"/"SCTP" (read in
/// any case), IP addresses as text; an explicit null where the types allow none is an error.
/// </summary>
internal static class WorkloadJson
{
    /// <summary>The serializer options of every command and event.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        RespectNullableAnnotations = true,
        Converters = { new JsonStringEnumConverter<LabProtocol>(JsonNamingPolicy.SnakeCaseUpper), new IPAddressJsonConverter() },
    };
}
