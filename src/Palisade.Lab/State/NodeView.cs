using System.Net;

namespace Palisade.Lab.State;

/// <summary>A lab node: its name, labels (kubelet's hostname, os and arch labels, plus those of an applied Node object of the same name), address and pod block.</summary>
public sealed record NodeView(string Name, int Index, IReadOnlyDictionary<string, string> Labels, IPAddress Address, IPNetwork PodBlock, string Netns)
{
    /// <summary>The labels kubelet gives every node (a kind node has exactly these), which manifests select on.</summary>
    public static Dictionary<string, string> DefaultLabels(string name) => new(StringComparer.Ordinal)
    {
        ["kubernetes.io/hostname"] = name,
        ["kubernetes.io/os"] = "linux",
        ["kubernetes.io/arch"] = "amd64",
        ["beta.kubernetes.io/os"] = "linux",
        ["beta.kubernetes.io/arch"] = "amd64",
    };
}
