using System.Net;

namespace Palisade.Lab.Model;

/// <summary>
/// A pod as the lab runs it: where it lives (node, network namespace, address), what it is (labels, image) and what
/// its workload listens on. <see cref="Image"/> selects a demo behaviour (e.g. the star wars deathstar).
/// </summary>
public sealed record LabPod(
    string Namespace,
    string Name,
    string Node,
    IPAddress Ip,
    string Netns,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyList<LabPort> Ports,
    string? Image)
{
    /// <summary>"namespace/name".</summary>
    public string Key => Namespace + "/" + Name;
}
