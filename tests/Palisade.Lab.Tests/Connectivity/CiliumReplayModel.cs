using System.Text;
using Palisade.Lab.Topology;

namespace Palisade.Lab.Tests.Connectivity;

/// <summary>
/// The cluster of <see cref="CiliumReplayTests"/>, the shape of the engine's Cilium truth tables: namespaces a
/// (team=x) and b (team=z); pods web (app=web, tier=front), client (app=client) in both and a/db, b/tool; two nodes;
/// two world hosts at the addresses the lab gives them (203.0.113.10 and .11). Every pod serves every probed port. The
/// named port <c>http</c> is 8080/TCP on a/web but 80/TCP on b/web, so that a named port resolves per destination.
/// </summary>
internal static class CiliumReplayModel
{
    /// <summary>The first world host: 203.0.113.10.</summary>
    public const string Alpha = "alpha.example.com";

    /// <summary>The second world host: 203.0.113.11.</summary>
    public const string Beta = "beta.example.com";

    /// <summary>The pods: namespace/name, node, labels, the port named http (null: none).</summary>
    private static readonly (string Key, int Node, string Labels, int? Http)[] Pods =
    [
        ("a/web", 1, "{app: web, tier: front}", 8080),
        ("a/client", 2, "{app: client}", null),
        ("a/db", 2, "{app: db}", null),
        ("b/web", 2, "{app: web, tier: front}", 80),
        ("b/client", 1, "{app: client}", null),
        ("b/tool", 1, "{app: tool}", null),
    ];

    /// <summary>How many nodes the lab has.</summary>
    public const int NodeCount = 2;

    /// <summary>How many world hosts the lab has.</summary>
    public const int WorldHostCount = 2;

    /// <summary>How many pods the model has.</summary>
    public static int PodCount => Pods.Length;

    /// <summary>
    /// Two nodes and the two world hosts, at the addresses the lab allocates (a fixed address cannot be given: the
    /// lab's store fails to serialise <see cref="ExternalHostSpec.Address"/>).
    /// </summary>
    public static LabConfig Config() => new() { Nodes = NodeCount, ExternalHosts = [new ExternalHostSpec(Alpha, null), new ExternalHostSpec(Beta, null)] };

    /// <summary>The namespaces and pods.</summary>
    public static string Cluster()
    {
        var text = new StringBuilder()
            .Append("apiVersion: v1\nkind: Namespace\nmetadata: {name: a, labels: {team: x}}\n---\n")
            .Append("apiVersion: v1\nkind: Namespace\nmetadata: {name: b, labels: {team: z}}\n---\n");
        foreach (var pod in Pods) text.Append(Pod(pod.Key, pod.Labels)).Append("---\n");
        return text.ToString();
    }

    /// <summary>Pod <paramref name="key"/> as the model places it, with <paramref name="labels"/> (a YAML flow map).</summary>
    public static string Pod(string key, string labels)
    {
        var (_, node, _, http) = Pods.Single(p => p.Key == key);
        var parts = key.Split('/');
        var ports = new[] { (80, "TCP"), (81, "TCP"), (8080, "TCP"), (80, "UDP"), (8080, "UDP") }
            .Select(p => $"{{containerPort: {p.Item1}, protocol: {p.Item2}{(p.Item1 == http && p.Item2 == "TCP" ? ", name: http" : "")}}}");
        return $"""
            apiVersion: v1
            kind: Pod
            metadata: {"{"}name: {parts[1]}, namespace: {parts[0]}, labels: {labels}{"}"}
            spec:
              nodeName: node-{node}
              containers:
              - name: serve
                image: agnhost
                ports: [{string.Join(", ", ports)}]

            """;
    }

    /// <summary>A CiliumNetworkPolicy <paramref name="name"/> in <paramref name="ns"/> with <paramref name="spec"/> (YAML, unindented).</summary>
    public static string Cnp(string ns, string name, string spec) =>
        $"apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata: {{name: {name}, namespace: {ns}}}\nspec:\n{Indent(spec)}\n";

    /// <summary>A CiliumClusterwideNetworkPolicy <paramref name="name"/> with <paramref name="spec"/> (YAML, unindented).</summary>
    public static string Ccnp(string name, string spec) =>
        $"apiVersion: cilium.io/v2\nkind: CiliumClusterwideNetworkPolicy\nmetadata: {{name: {name}}}\nspec:\n{Indent(spec)}\n";

    private static string Indent(string text) => string.Join("\n", text.Trim('\n').Split('\n').Select(l => "  " + l));
}
