using System.Net;

namespace Palisade.Lab.State;

/// <summary>A lab node: its name, labels (kubernetes.io/hostname and os, plus those of an applied Node object of the same name), address and pod block.</summary>
public sealed record NodeView(string Name, int Index, IReadOnlyDictionary<string, string> Labels, IPAddress Address, IPNetwork PodBlock, string Netns);
