using System.Text;
using Palisade.Policy.Loading;

namespace Palisade.Bench.Lab;

/// <summary>The datapath bench's lab: a server pod on node-1, clients on node-1 and node-2, and the policy of N entries.</summary>
internal static class DatapathManifests
{
    /// <summary>
    /// The pods. The server's declared port 8080 is served by the lab's own workload; the bench measures on another
    /// port, where its dp-rr server listens.
    /// </summary>
    public static IReadOnlyList<ManifestObject> Pods => Split("""
        apiVersion: v1
        kind: Pod
        metadata: {name: server, labels: {app: server}}
        spec: {nodeName: node-1, containers: [{name: c, image: busybox, ports: [{containerPort: 8080}]}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: client-local, labels: {app: client}}
        spec: {nodeName: node-1, containers: [{name: c, image: busybox}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: client-remote, labels: {app: client}}
        spec: {nodeName: node-2, containers: [{name: c, image: busybox}]}
        """);

    /// <summary>
    /// A policy whose server ingress allow set has <paramref name="entries"/> elements: the clients' identity on the
    /// measured <paramref name="port"/> and on entries-1 other, non-adjacent ports from 10,001 up (so that none merge
    /// into a range). <paramref name="port"/>+1 is never allowed, which is how the bench checks enforcement.
    /// </summary>
    public static IReadOnlyList<ManifestObject> Policy(int entries, int port)
    {
        var ports = new List<int> { port };
        for (var p = 10_001; ports.Count < Math.Min(entries, 27_000); p += 2) ports.Add(p);
        var text = new StringBuilder("apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: bench}\nspec:\n  podSelector: {matchLabels: {app: server}}\n  ingress:\n");
        text.Append("  - from: [{podSelector: {matchLabels: {app: client}}}]\n    ports: [").AppendJoin(", ", ports.Select(p => $"{{port: {p}}}")).Append("]\n");
        // Above 27,000 ports one peer runs out of non-adjacent ports: the rest come from a second peer (namespace kube-system).
        if (entries > ports.Count)
        {
            var more = Enumerable.Range(0, entries - ports.Count).Select(i => 10_001 + (2 * i));
            text.Append("  - from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}}]\n    ports: [").AppendJoin(", ", more.Select(p => $"{{port: {p}}}")).Append("]\n");
        }
        return Split(text.ToString());
    }

    private static IReadOnlyList<ManifestObject> Split(string yaml) => ManifestObjects.Split([new ManifestInput("bench", yaml)]);
}
