using Palisade.Engine.Labels;
using Palisade.Policy.Net;

namespace Palisade.Engine.Cluster;

/// <summary>A node: name, labels and address.</summary>
public sealed record NodeInfo(string Name, LabelSet Labels, IpAddressValue Address);
