using System.Security.Cryptography;
using System.Text;

namespace Palisade.Lab.Topology;

/// <summary>
/// The one place that names what a lab makes in the kernel. Namespaces: <c>pl-LAB.fabric</c>, <c>pl-LAB.NODE</c>,
/// <c>pl-LAB.p.NS.POD</c> (hashed when long), <c>pl-LAB.w.HOST</c>. Interfaces live only inside those namespaces:
/// a pod's node-side veth is <c>lxc</c> + 8 hex digits of a hash of the pod's key (15-character limit), its pod side
/// <c>eth0</c>.
/// </summary>
public sealed class LabNaming(string lab)
{
    private const int MaxNetnsName = 200;

    /// <summary>The lab's name.</summary>
    public string Lab { get; } = lab;

    /// <summary>The prefix of every namespace of this lab.</summary>
    public string Prefix => $"pl-{Lab}.";

    /// <summary>The fabric namespace that joins the nodes and the world hosts.</summary>
    public string Fabric => Prefix + "fabric";

    /// <summary>A node's namespace.</summary>
    public string Node(string node) => Prefix + node;

    /// <summary>A pod's namespace.</summary>
    public string Pod(string podNamespace, string podName) => Bounded($"{Prefix}p.{podNamespace}.{podName}", $"{podNamespace}/{podName}");

    /// <summary>A world host's namespace.</summary>
    public string World(string hostName) => Bounded($"{Prefix}w.{hostName}", hostName);

    /// <summary>The node-side interface of a pod's veth pair.</summary>
    public static string PodVeth(string podKey) => "lxc" + Hash(podKey)[..8];

    /// <summary>The fabric-side interface of a node's link.</summary>
    public static string NodeLink(int nodeIndex) => "node" + nodeIndex;

    /// <summary>The fabric-side interface of a world host's link.</summary>
    public static string WorldVeth(string hostName) => "w" + Hash(hostName)[..8];

    private string Bounded(string name, string key) => name.Length <= MaxNetnsName ? name : $"{Prefix}h.{Hash(key)[..16]}";

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
