using System.Net;

namespace Palisade.Lab.Topology;

/// <summary>A name of the lab's world zone and, optionally, the address it must have (otherwise one is allocated).</summary>
public sealed record ExternalHostSpec(string Name, IPAddress? Address);
