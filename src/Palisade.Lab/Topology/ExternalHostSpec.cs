using System.Net;
using System.Text.Json.Serialization;

namespace Palisade.Lab.Topology;

/// <summary>A name of the lab's world zone and, optionally, the address it must have (otherwise one is allocated).</summary>
public sealed record ExternalHostSpec(string Name, [property: JsonConverter(typeof(Workloads.IPAddressJsonConverter))] IPAddress? Address);
