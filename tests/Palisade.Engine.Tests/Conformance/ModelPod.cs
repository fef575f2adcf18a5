using System.Collections.Immutable;

namespace Palisade.Engine.Tests.Conformance;

/// <summary>A pod of the model: where it lives, its labels, the ports it serves, its address and whether it is host-network.</summary>
internal sealed record ModelPod(
    string Namespace,
    string Name,
    ImmutableSortedDictionary<string, string> Labels,
    ImmutableList<ModelPort> Ports,
    string Ip,
    bool HostNetwork = false)
{
    /// <summary><c>namespace/name</c>.</summary>
    public string Key => $"{Namespace}/{Name}";
}
