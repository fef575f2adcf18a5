using CsCheck;

namespace Palisade.Policy.Tests.Fuzz;

/// <summary>
/// Random YAML trees built from NetworkPolicy's own field names and typical values, so that most inputs get past
/// parsing and binding and reach validation with odd shapes: wrong types, missing parts, nulls, huge numbers.
/// </summary>
public class TreeFuzzTests
{
    private static readonly string[] Keys =
    [
        "podSelector", "namespaceSelector", "matchLabels", "matchExpressions", "key", "operator", "values", "ingress", "egress",
        "from", "to", "ports", "port", "endPort", "protocol", "ipBlock", "cidr", "except", "policyTypes", "metadata", "name",
        "namespace", "labels", "spec", "app", "kubernetes.io/metadata.name", "podselector", "ingres", "items", "\"a b\"",
    ];

    private static readonly string[] Scalars =
    [
        "~", "null", "''", "\"\"", "true", "on", "no", "0", "1", "80", "\"80\"", "-1", "65535", "65536", "99999999999999999999", "9999999999", "-2147483649", "010", "0x50", "08",
        "1.5", "1e3", ".inf", "http", "\"http\"", "a-very-long-port-name", "TCP", "tcp", "UDP", "SCTP", "ICMP", "In", "in",
        "NotIn", "Exists", "DoesNotExist", "Ingress", "Egress", "ingress", "app", "web", "\"-bad-\"", "10.0.0.0/8", "10.0.0.1/8",
        "\"10.0.0.0/8\"", "\"192.168.1.0/24\"", "\"::/0\"", "\"2001:db8::/32\"", "\"2001:db8::1/129\"", "\"10.0.0.0/33\"",
        "\"10.0.0.0\"", "\"0.0.0.0/0\"", "\"a/b/c\"", "\"Bad_Name\"", "x",
    ];

    private static readonly Gen<YamlTree> Tree = Gen.Recursive<YamlTree>((depth, tree) =>
    {
        var scalar = Gen.OneOf(Scalars).Select(s => (YamlTree)new YamlTree.Scalar(s));
        if (depth >= 5) return scalar;
        var list = tree.Array[0, 3].Select(items => (YamlTree)new YamlTree.List(items));
        var map = Gen.Select(Gen.OneOf(Keys), tree).Array[0, 4].Select(entries => (YamlTree)new YamlTree.Map(entries));
        return Gen.Frequency((3, scalar), (2, list), (4, map));
    });

    private static readonly Gen<string> Policy = Gen.Select(Tree, Tree, Gen.Bool, Gen.Int[0, 9], (spec, metadata, flow, shape) =>
    {
        var name = shape == 0 ? metadata : new YamlTree.Map([("name", new YamlTree.Scalar("fuzz")), ("namespace", new YamlTree.Scalar("ns"))]);
        var policy = new YamlTree.Map(
        [
            ("apiVersion", new YamlTree.Scalar(shape == 1 ? "extensions/v1beta1" : "networking.k8s.io/v1")),
            ("kind", new YamlTree.Scalar("NetworkPolicy")),
            ("metadata", name),
            ("spec", spec),
        ]);
        YamlTree document = shape == 2
            ? new YamlTree.Map([("apiVersion", new YamlTree.Scalar("v1")), ("kind", new YamlTree.Scalar("List")), ("items", new YamlTree.List([policy, spec]))])
            : policy;
        return document.Render(flow);
    });

    [Fact]
    public void RandomNetworkPolicyTrees_NeverThrow() => Policy.Sample(LoaderInvariant.Check, iter: LoaderInvariant.Iterations);

    [Fact]
    public void RandomTrees_RenderAsParsableYaml()
    {
        // Guards the generator itself: if rendering were broken, every case would stop at a syntax error and the
        // fuzz test above would exercise nothing past the parser.
        var parsed = 0;
        Policy.Sample(text =>
        {
            var set = Support.Manifests.Load(text);
            if (!set.Diagnostics.Any(d => d.Message.StartsWith("not valid YAML", StringComparison.Ordinal))) Interlocked.Increment(ref parsed);
        }, iter: 500, threads: 1);
        Assert.Equal(500, parsed);
    }
}
