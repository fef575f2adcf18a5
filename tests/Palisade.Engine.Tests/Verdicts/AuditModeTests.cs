using Palisade.Engine.Ir;
using Palisade.Engine.Ports;
using Palisade.Engine.Resolution;
using Palisade.Engine.Tests.Support;
using Palisade.Engine.Verdicts;
using Palisade.Policy.Loading;

namespace Palisade.Engine.Tests.Verdicts;

/// <summary>
/// Audit (dry-run) mode per policy (Calico's staged policies), per pod and cluster-wide (Cilium's policy audit mode):
/// what enforcing would drop is let through as an <see cref="SideReason.Audit"/> verdict naming the rule or the
/// isolating policy behind the would-be drop, while enforced policies still drop. Cluster: namespace a with pods web
/// and audited (app=web, the latter annotated audit), client, other; a node with a host address.
/// </summary>
public class AuditModeTests
{
    private const string Cluster = """
        apiVersion: v1
        kind: Node
        metadata: {name: node-1, labels: {node-access: ssh}}
        status: {addresses: [{type: InternalIP, address: 172.18.0.2}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: web, namespace: a, labels: {app: web}}
        spec: {nodeName: node-1, containers: [{name: c, image: i}]}
        status: {podIP: 10.244.1.10}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: audited, namespace: a, labels: {app: web}, annotations: {policy.palisade.dev/mode: audit}}
        spec: {nodeName: node-1, containers: [{name: c, image: i}]}
        status: {podIP: 10.244.1.13}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: client, namespace: a, labels: {app: client}}
        spec: {nodeName: node-1, containers: [{name: c, image: i}]}
        status: {podIP: 10.244.1.11}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: other, namespace: a, labels: {app: other}}
        spec: {nodeName: node-1, containers: [{name: c, image: i}]}
        status: {podIP: 10.244.1.12}
        ---

        """;

    private const string WebFromClient = """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: web-from-client, namespace: a}
        spec:
          podSelector: {matchLabels: {app: web}}
          ingress:
          - from: [{podSelector: {matchLabels: {app: client}}}]
            ports: [{port: 80}]
        ---

        """;

    private const string AuditDenyClient = """
        apiVersion: cilium.io/v2
        kind: CiliumNetworkPolicy
        metadata: {name: deny-client, namespace: a, annotations: {policy.palisade.dev/mode: audit}}
        spec:
          endpointSelector: {matchLabels: {app: web}}
          ingressDeny:
          - fromEndpoints: [{matchLabels: {app: client}}]
        ---

        """;

    private static readonly PolicyRef DenyClientRef = new("CiliumNetworkPolicy", "a", "deny-client");

    private static readonly PolicyRef WebFromClientRef = new("NetworkPolicy", "a", "web-from-client");

    [Fact]
    public void An_audit_deny_rule_lets_the_flow_through_naming_the_rule()
    {
        var engine = Engine(AuditDenyClient);
        var side = Flow(engine, "a/client", "a/web", 80).Ingress;

        Assert.True(side.Allowed);
        Assert.Equal(SideReason.Audit, side.Reason);
        Assert.Equal(SideReason.DeniedByRule, side.WouldBe);
        var hit = Assert.Single(side.DecidedBy);
        Assert.Equal((DenyClientRef, "ingressDeny[0]", RuleAction.Deny), (hit.Policy, hit.Rule, hit.Action));
        Assert.Equal("audit: would be denied by CiliumNetworkPolicy a/deny-client ingressDeny[0]; let through", side.Explain());
        Assert.True(Assert.Single(engine.Policies).Audit);
    }

    [Fact]
    public void An_isolating_audit_policy_lets_the_default_deny_through_naming_the_policy()
    {
        var engine = Engine(AuditDenyClient);
        var side = Flow(engine, "a/other", "a/web", 80).Ingress;

        Assert.True(side.Allowed);
        Assert.Equal((SideReason.Audit, SideReason.DefaultDeny), (side.Reason, side.WouldBe));
        Assert.Empty(side.DecidedBy);
        Assert.Equal([DenyClientRef], side.IsolatedBy);
        Assert.Equal("audit: would be denied by default: isolated by CiliumNetworkPolicy a/deny-client; let through", side.Explain());
        var web = engine.Pod("a/web");
        Assert.False(engine.IsIsolated(web, Direction.Ingress));
        Assert.Empty(engine.IsolatingPolicies(web, Direction.Ingress));
        Assert.True(engine.HasRules(web, Direction.Ingress));
        Assert.Equal(PortSet.Universe, engine.AllowedPorts(engine.ClassOf(engine.Pod("a/other")), engine.ClassOf(web)));
    }

    [Fact]
    public void An_enforced_policy_beside_an_audit_one_still_drops()
    {
        var engine = Engine(WebFromClient + AuditDenyClient);

        var audited = Flow(engine, "a/client", "a/web", 80).Ingress;
        Assert.Equal((true, SideReason.Audit, SideReason.DeniedByRule), (audited.Allowed, audited.Reason, audited.WouldBe));
        var dropped = Flow(engine, "a/other", "a/web", 80).Ingress;
        Assert.Equal((false, SideReason.DefaultDeny), (dropped.Allowed, dropped.Reason));
        Assert.Equal([WebFromClientRef], dropped.IsolatedBy);
        Assert.False(Flow(engine, "a/client", "a/web", 81).Allowed);
        Assert.True(engine.IsIsolated(engine.Pod("a/web"), Direction.Ingress));
        Assert.Equal([WebFromClientRef], engine.IsolatingPolicies(engine.Pod("a/web"), Direction.Ingress));
    }

    [Fact]
    public void A_pod_in_audit_mode_lets_through_what_its_policies_would_drop_in_both_directions()
    {
        var engine = Engine(WebFromClient + """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: web-no-egress, namespace: a}
            spec: {podSelector: {matchLabels: {app: web}}, policyTypes: [Egress]}
            ---

            """);
        var audited = engine.Pod("a/audited");

        Assert.True(audited.Audit);
        Assert.NotSame(engine.ClassOf(audited), engine.ClassOf(engine.Pod("a/web")));
        Assert.EndsWith("|audit", engine.ClassOf(audited).Key, StringComparison.Ordinal);
        var ingress = Flow(engine, "a/other", "a/audited", 80).Ingress;
        Assert.Equal((true, SideReason.Audit, SideReason.DefaultDeny), (ingress.Allowed, ingress.Reason, ingress.WouldBe));
        Assert.Equal([WebFromClientRef], ingress.IsolatedBy);
        var egress = Flow(engine, "a/audited", "a/other", 80).Egress;
        Assert.Equal((true, SideReason.Audit), (egress.Allowed, egress.Reason));
        Assert.Equal([new PolicyRef("NetworkPolicy", "a", "web-no-egress")], egress.IsolatedBy);
        Assert.Equal(SideReason.NotIsolated, Flow(engine, "a/client", "a/audited", 80).Ingress.Reason); // allowed either way
        Assert.False(Flow(engine, "a/other", "a/web", 80).Allowed); // the same policies still drop for the enforced pod
        Assert.False(engine.IsIsolated(audited, Direction.Ingress));
        Assert.True(engine.HasRules(audited, Direction.Egress));
    }

    [Fact]
    public void Cluster_wide_audit_mode_lets_every_would_be_drop_through_for_pods_and_nodes()
    {
        var hostPolicy = """
            apiVersion: cilium.io/v2
            kind: CiliumClusterwideNetworkPolicy
            metadata: {name: host-ssh}
            spec:
              nodeSelector: {matchLabels: {node-access: ssh}}
              ingress:
              - toPorts: [{ports: [{port: "22", protocol: TCP}]}]
            ---

            """;
        var engine = Engine(WebFromClient + hostPolicy, new EngineOptions { Audit = true });

        var pod = Flow(engine, "a/other", "a/web", 80).Ingress;
        Assert.Equal((true, SideReason.Audit, SideReason.DefaultDeny), (pod.Allowed, pod.Reason, pod.WouldBe));
        var node = Flow(engine, "203.0.113.7", "172.18.0.2", 80).Ingress;
        Assert.Equal(("node/node-1", true, SideReason.Audit), (node.Endpoint, node.Allowed, node.Reason));
        Assert.Equal([new PolicyRef("CiliumClusterwideNetworkPolicy", null, "host-ssh")], node.IsolatedBy);
        Assert.All(engine.Classes, c => Assert.True(c.Audit));
        Assert.False(engine.IsIsolated(engine.Pod("a/web"), Direction.Ingress));
        Assert.Equal(PortSet.Universe, engine.AllowedPorts(engine.ClassOf(engine.Pod("a/other")), engine.ClassOf(engine.Pod("a/web"))));
        Assert.False(Flow(Engine(WebFromClient + hostPolicy), "203.0.113.7", "172.18.0.2", 80).Allowed);
    }

    [Fact]
    public void Side_decisions_mark_the_audited_ports_and_keep_the_enforced_ones()
    {
        var engine = Engine(WebFromClient + AuditDenyClient);
        var web = engine.ClassOf(engine.Pod("a/web"));
        var decisions = engine.SideDecisions(web, Direction.Ingress, PeerRef.Of(engine.ClassOf(engine.Pod("a/client"))), PortSet.Universe);

        var audit = Assert.Single(decisions, d => d.Decision.Reason == SideReason.Audit);
        Assert.Equal(PortSet.Single(Protocol.Tcp, 80), audit.Ports);
        Assert.Equal(SideReason.DeniedByRule, audit.Decision.WouldBe);
        Assert.True(audit.Decision.Allowed);
        Assert.Contains("Audit(DeniedByRule)", audit.Decision.Key, StringComparison.Ordinal);
        Assert.All(decisions.Where(d => d.Decision.Reason != SideReason.Audit), d => Assert.Equal(SideReason.DefaultDeny, d.Decision.Reason));
        Assert.Equal(PortSet.Single(Protocol.Tcp, 80), engine.SideAllowedPorts(web, Direction.Ingress, PeerRef.Of(engine.ClassOf(engine.Pod("a/client")))));
    }

    [Fact]
    public void The_annotation_marks_policies_of_every_kind_and_the_pods_of_a_workload()
    {
        var engine = Engine("""
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: np, namespace: a, annotations: {policy.palisade.dev/mode: audit}}
            spec: {podSelector: {}}
            ---
            apiVersion: cilium.io/v2
            kind: CiliumClusterwideNetworkPolicy
            metadata: {name: ccnp, annotations: {policy.palisade.dev/mode: audit}}
            spec: {endpointSelector: {}, ingress: [{fromEntities: [world]}]}
            ---
            apiVersion: cilium.io/v2
            kind: CiliumNetworkPolicy
            metadata: {name: enforced, namespace: a, annotations: {policy.palisade.dev/mode: enforce}}
            spec: {endpointSelector: {}, ingress: [{fromEntities: [world]}]}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: api, namespace: a}
            spec:
              replicas: 2
              selector: {matchLabels: {app: api}}
              template:
                metadata: {labels: {app: api}, annotations: {policy.palisade.dev/mode: audit}}
                spec: {containers: [{name: c, image: i}]}
            ---

            """);

        Assert.Equal(["ccnp", "np"], engine.Policies.Where(p => p.Audit).Select(p => p.Ref.Name).Order(StringComparer.Ordinal));
        Assert.Equal(2, engine.Cluster.Endpoints.Count(e => e.Audit && e.Labels["app"] == "api"));
        Assert.False(engine.Pod("a/web").Audit);
    }

    private static PolicyEngine Engine(string policies, EngineOptions? options = null)
    {
        var set = ManifestLoader.LoadText(Cluster + policies, "test.yaml");
        if (set.HasErrors) Assert.Fail(string.Join("\n", set.Diagnostics));
        return EngineLoader.FromManifests(set, null, new EngineInputs { Engine = options ?? new EngineOptions() }).Engine;
    }

    private static Verdict Flow(PolicyEngine engine, string from, string to, int port)
    {
        var src = from.Contains('/', StringComparison.Ordinal) ? engine.Pod(from) : null;
        var dst = to.Contains('/', StringComparison.Ordinal) ? engine.Pod(to) : null;
        return engine.Evaluate(new FlowQuery(src, src?.PrimaryAddress ?? Engines.Ip(from), dst, dst?.PrimaryAddress ?? Engines.Ip(to), Protocol.Tcp, port));
    }
}
