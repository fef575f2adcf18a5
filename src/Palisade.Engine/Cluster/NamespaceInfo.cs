using Palisade.Engine.Labels;

namespace Palisade.Engine.Cluster;

/// <summary>A namespace and its labels (always including kubernetes.io/metadata.name).</summary>
public sealed record NamespaceInfo(string Name, LabelSet Labels, bool Implicit);
