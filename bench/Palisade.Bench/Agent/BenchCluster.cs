using System.Globalization;
using System.Text;
using Palisade.Agent;
using Palisade.Datapath.Nft;

namespace Palisade.Bench.Agent;

/// <summary>
/// The agent benchmark's cluster: two nodes, N pods on each in 20 namespaces and 100 apps (labels app-k, tier
/// front/back), and policies of the usual shapes: per app, ingress from two other apps on two ports, one with a range;
/// per namespace, a default deny and DNS egress to kube-dns; a CIDR egress with an exception.
/// </summary>
internal static class BenchCluster
{
    private const int Namespaces = 20;
    private const int Apps = 100;

    /// <summary>The YAML; <paramref name="extraPod"/> adds one pod of an existing app on node-1, <paramref name="policyPort"/> is app-0's first port.</summary>
    public static string Yaml(int perNode, bool extraPod, int policyPort)
    {
        var text = new StringBuilder();
        for (var n = 1; n <= 2; n++) text.Append(CultureInfo.InvariantCulture, $"apiVersion: v1\nkind: Node\nmetadata: {{name: node-{n}}}\nstatus: {{addresses: [{{type: InternalIP, address: 172.18.0.{n + 1}}}]}}\n---\n");
        for (var ns = 0; ns < Namespaces; ns++) text.Append(CultureInfo.InvariantCulture, $"apiVersion: v1\nkind: Namespace\nmetadata: {{name: ns-{ns}, labels: {{team: t{ns % 5}}}}}\n---\n");
        for (var i = 0; i < 2 * perNode + (extraPod ? 1 : 0); i++)
        {
            var node = i == 2 * perNode ? 1 : (i % 2) + 1;
            var address = $"10.{244 + (node - 1)}.{i / 2 / 250}.{(i / 2 % 250) + 2}";
            if (i == 2 * perNode) address = "10.246.0.2";
            var app = i % Apps;
            text.Append(CultureInfo.InvariantCulture,
                $"apiVersion: v1\nkind: Pod\nmetadata: {{name: p{i}, namespace: ns-{app % Namespaces}, labels: {{app: app-{app}, tier: {(app % 2 == 0 ? "front" : "back")}}}}}\nspec: {{nodeName: node-{node}, containers: [{{name: c, image: x, ports: [{{containerPort: 8080, name: http}}]}}]}}\nstatus: {{podIP: {address}}}\n---\n");
        }
        for (var app = 0; app < Apps; app++)
        {
            var port = app == 0 ? policyPort : 80;
            text.Append(CultureInfo.InvariantCulture, $"""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {'{'}name: app-{app}, namespace: ns-{app % Namespaces}{'}'}
                spec:
                  podSelector: {'{'}matchLabels: {'{'}app: app-{app}{'}'}{'}'}
                  ingress:
                  - from: [{'{'}namespaceSelector: {'{'}{'}'}, podSelector: {'{'}matchLabels: {'{'}app: app-{(app + 1) % Apps}{'}'}{'}'}{'}'}, {'{'}namespaceSelector: {'{'}{'}'}, podSelector: {'{'}matchLabels: {'{'}app: app-{(app + 7) % Apps}{'}'}{'}'}{'}'}]
                    ports: [{'{'}port: {port}{'}'}, {'{'}port: 9000, endPort: 9100{'}'}, {'{'}port: http{'}'}]
                ---

                """);
        }
        for (var ns = 0; ns < Namespaces; ns++)
        {
            text.Append(CultureInfo.InvariantCulture, $"""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {'{'}name: egress, namespace: ns-{ns}{'}'}
                spec:
                  podSelector: {'{'}{'}'}
                  policyTypes: [Egress]
                  egress:
                  - to: [{'{'}namespaceSelector: {'{'}{'}'}{'}'}]
                    ports: [{'{'}port: 53, protocol: UDP{'}'}]
                  - to: [{'{'}ipBlock: {'{'}cidr: 203.0.113.0/24, except: [203.0.113.128/25]{'}'}{'}'}]
                    ports: [{'{'}port: 443{'}'}]
                  - to: [{'{'}podSelector: {'{'}matchLabels: {'{'}tier: back{'}'}{'}'}{'}'}]
                ---

                """);
        }
        return text.ToString();
    }

    /// <summary>An agent for node-1, naming pods' interfaces as the lab does.</summary>
    public static NodeAgent Agent(INftBackend kernel) =>
        new("node-1", kernel, e => Palisade.Lab.Topology.LabNaming.PodVeth(e.Key));
}
