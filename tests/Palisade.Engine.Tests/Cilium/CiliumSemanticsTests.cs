using Palisade.Engine.Identities;
using Palisade.Engine.L7;
using Palisade.Engine.Ports;
using Palisade.Engine.Tests.Support;
using Palisade.Engine.Verdicts;
using Palisade.Policy.Inventory;

namespace Palisade.Engine.Tests.Cilium;

/// <summary>
/// Truth tables for Cilium's semantics as lowered into the engine, one feature per test, each on the same small
/// cluster: namespaces a (team=x) and b (team=z), pods a/web (port http 8080), a/client, b/client, two nodes.
/// </summary>
public class CiliumSemanticsTests
{
    private const string Cluster = """
        apiVersion: v1
        kind: Namespace
        metadata: {name: a, labels: {team: x}}
        ---
        apiVersion: v1
        kind: Namespace
        metadata: {name: b, labels: {team: z}}
        ---
        apiVersion: v1
        kind: Node
        metadata: {name: node-1, labels: {node-access: ssh}}
        status: {addresses: [{type: InternalIP, address: 172.18.0.2}]}
        ---
        apiVersion: v1
        kind: Node
        metadata: {name: node-2}
        status: {addresses: [{type: InternalIP, address: 172.18.0.3}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: web, namespace: a, labels: {app: web}}
        spec:
          nodeName: node-1
          serviceAccountName: web-sa
          containers: [{name: c, image: i, ports: [{name: http, containerPort: 8080}]}]
        status: {podIP: 10.244.1.10}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: client, namespace: a, labels: {app: client}}
        spec: {nodeName: node-1, containers: [{name: c, image: i}]}
        status: {podIP: 10.244.1.11}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: client, namespace: b, labels: {app: client}}
        spec: {nodeName: node-2, containers: [{name: c, image: i}]}
        status: {podIP: 10.244.2.11}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web-svc, namespace: a, labels: {tier: front}}
        spec: {selector: {app: web}, ports: [{port: 80, targetPort: 8080}]}
        ---
        """;

    private const string World = "203.0.113.7";

    private static PolicyEngine Engine(string policies, EngineInputs? inputs = null)
    {
        var set = Policy.Loading.ManifestLoader.LoadText(Cluster + "\n" + policies, "test.yaml");
        if (set.HasErrors) Assert.Fail(string.Join("\n", set.Diagnostics));
        return EngineLoader.FromManifests(set, null, inputs ?? new EngineInputs()).Engine;
    }

    private static Verdict Flow(PolicyEngine e, string from, string to, int port, Protocol protocol = Protocol.Tcp, HttpRequest? http = null)
    {
        var src = from.Contains('/', StringComparison.Ordinal) ? e.Pod(from) : null;
        var dst = to.Contains('/', StringComparison.Ordinal) ? e.Pod(to) : null;
        return e.Evaluate(new FlowQuery(src, src?.PrimaryAddress ?? Engines.Ip(from), dst, dst?.PrimaryAddress ?? Engines.Ip(to), protocol, port) { Http = http });
    }

    private static string Cnp(string name, string ns, string spec) =>
        $"apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata: {{name: {name}, namespace: {ns}}}\nspec:\n{Indent(spec)}\n---\n";

    private static string Ccnp(string name, string spec) =>
        $"apiVersion: cilium.io/v2\nkind: CiliumClusterwideNetworkPolicy\nmetadata: {{name: {name}}}\nspec:\n{Indent(spec)}\n---\n";

    private static string Indent(string text) => string.Join("\n", text.Trim('\n').Split('\n').Select(l => "  " + l));

    private const string WebIngressFromClient = """
        endpointSelector: {matchLabels: {app: web}}
        ingress:
        - fromEndpoints: [{matchLabels: {app: client}}]
        """;

    [Theory]
    [InlineData("a/client", true)]
    [InlineData("b/client", false)] // a CNP's selector without a namespace stays in the policy's namespace
    [InlineData(World, false)]
    public void FromEndpoints_is_scoped_to_the_policy_namespace(string from, bool allowed) =>
        Assert.Equal(allowed, Flow(Engine(Cnp("p", "a", WebIngressFromClient)), from, "a/web", 8080).Allowed);

    [Theory]
    [InlineData("app", "a/client", true)]
    [InlineData("k8s:app", "a/client", true)]
    [InlineData("any:app", "a/client", true)]
    [InlineData("reserved:app", "a/client", false)] // a reserved: key never matches a pod's label
    public void Selector_keys_take_Cilium_source_prefixes(string key, string from, bool allowed)
    {
        var engine = Engine(Cnp("p", "a", """
            endpointSelector: {matchLabels: {app: web}}
            ingress:
            - fromEndpoints: [{matchLabels: {"@@key@@": client}}]
            """.Replace("@@key@@", key, StringComparison.Ordinal)));
        Assert.Equal(allowed, Flow(engine, from, "a/web", 8080).Allowed);
    }

    [Theory]
    [InlineData("k8s:io.kubernetes.pod.namespace: b", "b/client", true)]
    [InlineData("k8s:io.kubernetes.pod.namespace: b", "a/client", false)]
    [InlineData("io.cilium.k8s.namespace.labels.team: z", "b/client", true)] // namespace labels lift the scoping
    [InlineData("io.cilium.k8s.namespace.labels.team: z", "a/client", false)]
    [InlineData("io.cilium.k8s.policy.serviceaccount: default", "b/client", false)] // other labels do not
    [InlineData("io.cilium.k8s.policy.serviceaccount: default", "a/client", true)]
    public void Namespace_labels_in_a_peer_selector_reach_other_namespaces(string label, string from, bool allowed)
    {
        var engine = Engine(Cnp("p", "a", """
            endpointSelector: {matchLabels: {app: web}}
            ingress:
            - fromEndpoints: [{matchLabels: {@@label@@}}]
            """.Replace("@@label@@", label, StringComparison.Ordinal)));
        Assert.Equal(allowed, Flow(engine, from, "a/web", 8080).Allowed);
    }

    [Theory]
    [InlineData("a/client", true)]
    [InlineData("b/client", true)] // {} in a clusterwide policy: every pod of every namespace ...
    [InlineData(World, false)] // ... but no reserved identity
    [InlineData("172.18.0.3", false)]
    public void Empty_selector_in_a_clusterwide_policy_selects_every_pod_only(string from, bool allowed)
    {
        var engine = Engine(Ccnp("p", """
            endpointSelector: {matchLabels: {app: web}}
            ingress:
            - fromEndpoints: [{}]
            """));
        Assert.Equal(allowed, Flow(engine, from, "a/web", 8080).Allowed);
    }

    [Theory]
    [InlineData("ingress: [{}]", false, true)] // selects, allows nothing
    [InlineData("ingress: [{fromEndpoints: []}]", false, true)] // an empty list selects nothing
    [InlineData("ingress: [{fromEndpoints: [{}]}]", true, true)]
    [InlineData("ingress: [{toPorts: [{ports: [{port: '8080'}]}]}]", true, true)] // ports without peers: every peer
    [InlineData("egress: [{}]", true, false)] // ingress untouched
    public void Empty_and_missing_peer_lists(string rules, bool allowed, bool isolated)
    {
        var engine = Engine(Cnp("p", "a", "endpointSelector: {matchLabels: {app: web}}\n" + rules));
        Assert.Equal(allowed, Flow(engine, "a/client", "a/web", 8080).Allowed);
        Assert.Equal(isolated, engine.IsIsolated(engine.Pod("a/web"), Ir.Direction.Ingress));
    }

    [Theory]
    [InlineData("all", "a/client", true)]
    [InlineData("all", World, true)]
    [InlineData("world", World, true)]
    [InlineData("world", "a/client", false)]
    [InlineData("world", "172.18.0.3", false)] // a node is not the world
    [InlineData("world-ipv4", World, true)]
    [InlineData("world-ipv6", World, false)]
    [InlineData("cluster", "b/client", true)]
    [InlineData("cluster", "172.18.0.3", true)] // remote node
    [InlineData("cluster", World, false)]
    [InlineData("host", "172.18.0.2", true)] // web runs on node-1
    [InlineData("host", "172.18.0.3", false)]
    [InlineData("remote-node", "172.18.0.3", true)]
    [InlineData("remote-node", "172.18.0.2", true)] // the local node is not a remote node, but always reaches its pods
    [InlineData("none", "a/client", false)]
    public void Entities(string entity, string from, bool allowed)
    {
        var engine = Engine(Cnp("p", "a", """
            endpointSelector: {matchLabels: {app: web}}
            ingress:
            - fromEntities: [@@entity@@]
            """.Replace("@@entity@@", entity, StringComparison.Ordinal)));
        Assert.Equal(allowed, Flow(engine, from, "a/web", 8080).Allowed);
    }

    [Fact]
    public void The_local_node_always_reaches_its_pods_and_a_remote_one_does_not()
    {
        // Kubernetes: "traffic to and from the node where a Pod is running is always allowed"; Cilium's
        // allow-localhost is "always" in Kubernetes mode. web runs on node-1 (172.18.0.2) and allows nothing.
        var engine = Engine(Cnp("p", "a", "endpointSelector: {matchLabels: {app: web}}\ningress: [{}]"));
        var local = Flow(engine, "172.18.0.2", "a/web", 8080);
        Assert.True(local.Allowed);
        Assert.Equal(SideReason.LocalHost, local.Ingress.Reason);
        Assert.Contains("own node always reaches it", local.Ingress.Explain(), StringComparison.Ordinal);
        var remote = Flow(engine, "172.18.0.3", "a/web", 8080);
        Assert.False(remote.Allowed);
        Assert.Equal(SideReason.DefaultDeny, remote.Ingress.Reason);
    }

    [Theory]
    [InlineData("fromCIDR: [203.0.113.0/24]", World, true)]
    [InlineData("fromCIDR: [203.0.113.7]", World, true)] // a bare address is a /32
    [InlineData("fromCIDR: [10.244.0.0/16]", "a/client", false)] // CIDR rules never match pods ...
    [InlineData("fromCIDR: [172.18.0.0/16]", "172.18.0.3", false)] // ... nor nodes
    [InlineData("fromCIDRSet: [{cidr: 203.0.113.0/24, except: [203.0.113.128/25]}]", World, true)]
    [InlineData("fromCIDRSet: [{cidr: 203.0.113.0/24, except: [203.0.113.0/29]}]", World, false)]
    public void Cidr_rules_match_only_outside_the_cluster(string peer, string from, bool allowed)
    {
        var engine = Engine(Cnp("p", "a", $"endpointSelector: {{matchLabels: {{app: web}}}}\ningress:\n- {peer}"));
        Assert.Equal(allowed, Flow(engine, from, "a/web", 8080).Allowed);
    }

    [Theory]
    [InlineData("{port: '8080', protocol: TCP}", 8080, Protocol.Tcp, true)]
    [InlineData("{port: '8080', protocol: TCP}", 8080, Protocol.Udp, false)]
    [InlineData("{port: '8080'}", 8080, Protocol.Udp, true)] // no protocol: ANY
    [InlineData("{port: '8080', protocol: ANY}", 8080, Protocol.Sctp, true)]
    [InlineData("{port: http}", 8080, Protocol.Tcp, true)] // named port of the destination
    [InlineData("{port: '8000', endPort: 8100, protocol: TCP}", 8080, Protocol.Tcp, true)]
    [InlineData("{port: '8000', endPort: 8050, protocol: TCP}", 8080, Protocol.Tcp, false)]
    [InlineData("{port: '0', protocol: TCP}", 9999, Protocol.Tcp, true)] // port 0: every port
    public void Ports(string port, int probe, Protocol protocol, bool allowed)
    {
        var engine = Engine(Cnp("p", "a", """
            endpointSelector: {matchLabels: {app: web}}
            ingress:
            - fromEndpoints: [{matchLabels: {app: client}}]
              toPorts: [{ports: [@@port@@]}]
            """.Replace("@@port@@", port, StringComparison.Ordinal)));
        Assert.Equal(allowed, Flow(engine, "a/client", "a/web", probe, protocol).Allowed);
    }

    [Theory]
    [InlineData(8, Protocol.Icmp, true)]
    [InlineData(0, Protocol.Icmp, false)]
    [InlineData(128, Protocol.IcmpV6, true)]
    public void Icmp_types(int type, Protocol protocol, bool allowed)
    {
        var engine = Engine(Cnp("p", "a", """
            endpointSelector: {matchLabels: {app: web}}
            ingress:
            - fromEndpoints: [{matchLabels: {app: client}}]
              icmps: [{fields: [{type: EchoRequest}, {family: IPv6, type: 128}]}]
            """));
        Assert.Equal(allowed, Flow(engine, "a/client", "a/web", type, protocol).Allowed);
    }

    [Fact]
    public void A_deny_wins_over_a_Kubernetes_allow_and_a_Cilium_allow_and_allows_form_a_union()
    {
        var engine = Engine(Cnp("allow-cilium", "a", """
            endpointSelector: {matchLabels: {app: web}}
            ingress:
            - fromEndpoints: [{matchLabels: {app: client}}]
              toPorts: [{ports: [{port: '8080', protocol: TCP}]}]
            """) + """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: allow-k8s, namespace: a}
            spec:
              podSelector: {matchLabels: {app: web}}
              ingress:
              - from: [{namespaceSelector: {}}]
                ports: [{port: 9090}]
            ---

            """ + Cnp("deny", "a", """
            endpointSelector: {matchLabels: {app: web}}
            ingressDeny:
            - fromEndpoints: [{matchLabels: {"k8s:io.kubernetes.pod.namespace": b}}]
            """));
        Assert.True(Flow(engine, "a/client", "a/web", 8080).Allowed); // the Cilium allow
        Assert.True(Flow(engine, "a/client", "a/web", 9090).Allowed); // the Kubernetes allow
        Assert.False(Flow(engine, "a/client", "a/web", 7070).Allowed); // neither
        var denied = Flow(engine, "b/client", "a/web", 9090); // the Kubernetes policy allows it, the Cilium deny wins
        Assert.False(denied.Allowed);
        Assert.Equal(SideReason.DeniedByRule, denied.Ingress.Reason);
        Assert.Equal("ingressDeny[0]", Assert.Single(denied.Ingress.DecidedBy).Rule);
    }

    [Fact]
    public void Deny_on_a_port_leaves_other_ports_allowed()
    {
        var engine = Engine(Cnp("p", "a", """
            endpointSelector: {matchLabels: {app: web}}
            ingress:
            - fromEntities: [all]
            ingressDeny:
            - fromEndpoints: [{matchLabels: {app: client}}]
              toPorts: [{ports: [{port: '8080', protocol: TCP}]}]
            """));
        Assert.False(Flow(engine, "a/client", "a/web", 8080).Allowed);
        Assert.True(Flow(engine, "a/client", "a/web", 8081).Allowed);
        Assert.True(Flow(engine, World, "a/web", 8080).Allowed);
    }

    [Theory]
    [InlineData("enableDefaultDeny: {ingress: false}", false)]
    [InlineData("enableDefaultDeny: {ingress: true}", true)]
    [InlineData("", true)]
    public void EnableDefaultDeny_decides_whether_selection_isolates(string setting, bool isolated)
    {
        var engine = Engine(Cnp("p", "a", WebIngressFromClient + "\n" + setting));
        Assert.True(Flow(engine, "a/client", "a/web", 8080).Allowed);
        Assert.Equal(!isolated, Flow(engine, "b/client", "a/web", 8080).Allowed);
    }

    [Fact]
    public void Any_selecting_policy_asking_for_default_deny_wins()
    {
        var engine = Engine(Cnp("open", "a", WebIngressFromClient + "\nenableDefaultDeny: {ingress: false}")
            + Cnp("closed", "a", "endpointSelector: {matchLabels: {app: web}}\ningress: [{}]"));
        Assert.True(Flow(engine, "a/client", "a/web", 8080).Allowed);
        Assert.False(Flow(engine, "b/client", "a/web", 8080).Allowed);
    }

    [Fact]
    public void ToServices_selects_the_pods_behind_the_service()
    {
        var engine = Engine(Cnp("p", "b", """
            endpointSelector: {matchLabels: {app: client}}
            egress:
            - toServices: [{k8sService: {serviceName: web-svc, namespace: a}}]
            """) + Cnp("q", "a", """
            endpointSelector: {matchLabels: {app: client}}
            egress:
            - toServices: [{k8sServiceSelector: {selector: {matchLabels: {tier: front}}}}]
            """));
        Assert.True(Flow(engine, "b/client", "a/web", 8080).Allowed);
        Assert.False(Flow(engine, "b/client", "a/client", 8080).Allowed);
        Assert.True(Flow(engine, "a/client", "a/web", 8080).Allowed);
        Assert.False(Flow(engine, "a/client", World, 443).Allowed);
    }

    [Fact]
    public void ToGroups_resolve_through_the_security_group_inventory()
    {
        var policy = Cnp("p", "a", """
            endpointSelector: {matchLabels: {app: client}}
            egress:
            - toGroups: [{aws: {securityGroupsIds: [sg-0db1]}}]
            """);
        var inputs = new EngineInputs
        {
            SecurityGroups = SecurityGroupInventory.Parse("sg.yaml", "securityGroups: [{id: sg-0db1, name: db, members: [198.51.100.5]}]"),
        };
        var engine = Engine(policy, inputs);
        Assert.True(Flow(engine, "a/client", "198.51.100.5", 5432).Allowed);
        Assert.False(Flow(engine, "a/client", "198.51.100.6", 5432).Allowed);
        var set = Policy.Loading.ManifestLoader.LoadText(Cluster + "\n" + policy, "test.yaml");
        var (_, notes) = EngineLoader.FromManifests(set, null, new EngineInputs());
        Assert.Contains(notes, n => n.Message.Contains("sg-0db1", StringComparison.Ordinal) && n.Location.Line > 0);
    }

    [Theory]
    [InlineData(World, true)]
    [InlineData("a/web", false)] // a name resolving to a pod's address: toFQDNs never matches in-cluster addresses
    [InlineData("203.0.113.8", false)] // not learned for a matching name
    public void ToFqdns_match_addresses_learned_for_matching_names_outside_the_cluster(string to, bool allowed)
    {
        var learned = new Dictionary<string, string[]> { ["api.example.com."] = [World, "10.244.1.10"], ["other.example.org."] = ["203.0.113.8"] };
        var inputs = new EngineInputs
        {
            Engine = new EngineOptions
            {
                AddressesOf = peer => learned.Where(kv => peer.Pattern.Matches(kv.Key)).SelectMany(kv => kv.Value).Select(Engines.Ip),
            },
        };
        var engine = Engine(Cnp("p", "a", """
            endpointSelector: {matchLabels: {app: client}}
            egress:
            - toFQDNs: [{matchPattern: "*.example.com"}]
            """), inputs);
        Assert.Equal(allowed, Flow(engine, "a/client", to, 8080).Allowed);
    }

    [Fact]
    public void Reserved_host_selector_matches_the_host()
    {
        var engine = Engine(Cnp("p", "a", """
            endpointSelector: {matchLabels: {app: web}}
            ingress:
            - fromEndpoints: [{matchLabels: {"reserved:host": ""}}]
            """));
        Assert.True(Flow(engine, "172.18.0.2", "a/web", 8080).Allowed);
        Assert.False(Flow(engine, "a/client", "a/web", 8080).Allowed);
    }

    [Fact]
    public void FromNodes_match_nodes_by_label()
    {
        var engine = Engine(Cnp("p", "a", """
            endpointSelector: {matchLabels: {app: web}}
            ingress:
            - fromNodes: [{matchLabels: {node-access: ssh}}]
            """));
        Assert.True(Flow(engine, "172.18.0.2", "a/web", 8080).Allowed);
        Assert.False(Flow(engine, "172.18.0.3", "a/web", 8080).Allowed);
    }

    [Fact]
    public void Host_policy_of_seed_004_guards_the_node_not_the_pods()
    {
        var engine = Engine("""
            apiVersion: cilium.io/v2
            kind: CiliumClusterwideNetworkPolicy
            metadata: {name: demo-host-policy}
            spec:
              nodeSelector: {matchLabels: {node-access: ssh}}
              ingress:
              - fromEntities: [cluster]
              - toPorts: [{ports: [{port: "22", protocol: TCP}]}]
            ---
            """);
        Assert.True(Flow(engine, World, "172.18.0.2", 22).Allowed);
        var blocked = Flow(engine, World, "172.18.0.2", 80);
        Assert.False(blocked.Allowed);
        Assert.Equal("node/node-1", blocked.Ingress.Endpoint);
        Assert.True(Flow(engine, "b/client", "172.18.0.2", 80).Allowed); // cluster
        Assert.True(Flow(engine, World, "172.18.0.3", 80).Allowed); // node-2 has no node-access label
        Assert.True(Flow(engine, World, "a/web", 80).Allowed); // pods are not host endpoints
    }

    [Theory]
    [InlineData("GET", "/public", true)]
    [InlineData("GET", "/private", true)] // an L4-only rule for the same port and peer makes the HTTP rules moot
    public void An_L4_only_rule_makes_L7_rules_moot_but_the_port_is_still_redirected(string method, string path, bool allowed)
    {
        var engine = Engine(Cnp("l7", "a", """
            endpointSelector: {matchLabels: {app: web}}
            ingress:
            - fromEndpoints: [{matchLabels: {app: client}}]
              toPorts: [{ports: [{port: '8080', protocol: TCP}], rules: {http: [{method: GET, path: /public}]}}]
            """) + Cnp("l4", "a", """
            endpointSelector: {matchLabels: {app: web}}
            ingress:
            - fromEndpoints: [{matchLabels: {app: client}}]
              toPorts: [{ports: [{port: '8080', protocol: TCP}]}]
            """));
        var verdict = Flow(engine, "a/client", "a/web", 8080, http: HttpRequest.Parse(method, path, []));
        Assert.Equal(allowed, verdict.Allowed);
        Assert.True(verdict.Ingress.L7!.AllowsEverything);
    }

    [Theory]
    [InlineData("[{}]", "DELETE", "/anything", true)] // http: [{}] allows every request, still redirected
    [InlineData("[{method: GET}, {path: /admin/.*}]", "POST", "/admin/x", true)] // rules for the same port OR
    [InlineData("[{method: GET}, {path: /admin/.*}]", "POST", "/user", false)]
    [InlineData("[{method: GET, headers: ['X-Token: s3cret']}]", "GET", "/", false)]
    public void Http_rules(string rules, string method, string path, bool allowed)
    {
        var engine = Engine(Cnp("l7", "a", """
            endpointSelector: {matchLabels: {app: web}}
            ingress:
            - fromEndpoints: [{matchLabels: {app: client}}]
              toPorts: [{ports: [{port: '8080', protocol: TCP}], rules: {http: @@rules@@}}]
            """.Replace("@@rules@@", rules, StringComparison.Ordinal)));
        var verdict = Flow(engine, "a/client", "a/web", 8080, http: HttpRequest.Parse(method, path, []));
        Assert.Equal(allowed, verdict.Allowed);
        Assert.NotNull(verdict.Ingress.L7);
    }

    [Fact]
    public void L7_rules_still_filter_when_default_deny_is_off()
    {
        var engine = Engine(Cnp("l7", "a", """
            endpointSelector: {matchLabels: {app: web}}
            enableDefaultDeny: {ingress: false}
            ingress:
            - fromEndpoints: [{matchLabels: {app: client}}]
              toPorts: [{ports: [{port: '8080', protocol: TCP}], rules: {http: [{method: GET}]}}]
            """));
        Assert.False(Flow(engine, "a/client", "a/web", 8080, http: HttpRequest.Parse("POST", "/", [])).Allowed);
        Assert.True(Flow(engine, "a/client", "a/web", 8080, http: HttpRequest.Parse("GET", "/", [])).Allowed);
        Assert.True(Flow(engine, "b/client", "a/web", 8080, http: HttpRequest.Parse("POST", "/", [])).Allowed); // not selected by the rule: open
    }

    [Fact]
    public void The_log_value_is_carried_into_the_explanation()
    {
        var engine = Engine(Cnp("p", "a", WebIngressFromClient + "\nlog: {value: web-ingress}"));
        var verdict = Flow(engine, "a/client", "a/web", 8080);
        Assert.Equal("web-ingress", Assert.Single(verdict.Ingress.DecidedBy).Log);
        Assert.Contains("log: web-ingress", verdict.Ingress.Explain(), StringComparison.Ordinal);
    }

    [Fact]
    public void Specs_lower_each_rule_with_its_own_selector()
    {
        var engine = Engine("""
            apiVersion: cilium.io/v2
            kind: CiliumNetworkPolicy
            metadata: {name: two, namespace: a}
            specs:
            - endpointSelector: {matchLabels: {app: web}}
              ingress: [{fromEndpoints: [{matchLabels: {app: client}}]}]
            - endpointSelector: {matchLabels: {app: client}}
              egress: [{toEndpoints: [{matchLabels: {app: web}}]}]
            ---
            """);
        var verdict = Flow(engine, "a/client", "a/web", 8080);
        Assert.True(verdict.Allowed);
        Assert.Equal("specs[1].egress[0]", Assert.Single(verdict.Egress.DecidedBy).Rule);
        Assert.Equal("specs[0].ingress[0]", Assert.Single(verdict.Ingress.DecidedBy).Rule);
        Assert.False(Flow(engine, "a/client", World, 443).Allowed);
    }

    [Fact]
    public void Reserved_identities_keep_Cilium_numbers()
    {
        Assert.Equal(1, (int)ReservedIdentity.Host);
        Assert.Equal(2, (int)ReservedIdentity.World);
        Assert.Equal(6, (int)ReservedIdentity.RemoteNode);
        Assert.Equal("remote-node", ReservedIdentities.Name(ReservedIdentity.RemoteNode));
    }
}
