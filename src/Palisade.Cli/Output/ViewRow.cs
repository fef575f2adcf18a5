using Palisade.Engine.Cluster;

namespace Palisade.Cli.Output;

/// <summary>A row of the analysis: a pod, or a workload with its pods.</summary>
internal sealed record ViewRow(string Name, IReadOnlyList<Endpoint> Members);
