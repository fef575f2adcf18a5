using Palisade.Lab.Model;

namespace Palisade.Lab.Workloads;

/// <summary>
/// What the node's workload process serves for one pod: its network namespace, its name (the answer of every generic
/// request), its image (which may select a demo behaviour) and its declared ports. <see cref="TlsNames"/> is set for a
/// host of the lab's world, which also serves HTTPS on TCP 443 with a certificate for those names.
/// </summary>
internal sealed record WorkloadSpec(
    string Key,
    string Netns,
    string PodName,
    string? Image,
    IReadOnlyList<LabPort> Ports,
    IReadOnlyList<string>? TlsNames = null)
{
    /// <summary>True when both specs ask for the same workload (lists compared element by element).</summary>
    public bool Equals(WorkloadSpec? other) =>
        other is not null
        && Key == other.Key
        && Netns == other.Netns
        && PodName == other.PodName
        && Image == other.Image
        && Ports.SequenceEqual(other.Ports)
        && (TlsNames ?? []).SequenceEqual(other.TlsNames ?? []);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Key, Netns, PodName, Image, Ports.Count);
}
