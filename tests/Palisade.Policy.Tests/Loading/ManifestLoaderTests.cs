using Palisade.Policy.Diagnostics;
using Palisade.Policy.Loading;
using Palisade.Policy.Tests.Support;

namespace Palisade.Policy.Tests.Loading;

/// <summary>Documents, JSON, Lists and kinds: what the loader reads and what it reports about them.</summary>
public class ManifestLoaderTests
{
    [Fact]
    public void MultiDocumentYaml_LoadsEveryDocument_AndSkipsEmptyOnes()
    {
        var set = Manifests.Load("""
            ---
            apiVersion: v1
            kind: Namespace
            metadata: {name: shop}
            ---
            # only a comment
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: web, namespace: shop}
            ...
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: deny, namespace: shop}
            spec: {podSelector: {}}
            """);

        set.AssertClean();
        Assert.Equal(["shop"], set.Namespaces.Select(n => n.Object.Metadata.Name));
        Assert.Equal("web", Assert.Single(set.Pods).Name);
        var policy = Assert.Single(set.NetworkPolicies);
        Assert.Equal(new SourceLocation(Manifests.File, 13, 1), policy.Source.Location);
    }

    [Fact]
    public void JsonObject_Loads()
    {
        var set = Manifests.Load("""
            {
              "apiVersion": "networking.k8s.io/v1",
              "kind": "NetworkPolicy",
              "metadata": {"name": "deny", "namespace": "shop"},
              "spec": {"podSelector": {}, "ingress": [{"ports": [{"port": 8080}, {"port": "http"}]}]}
            }
            """);

        set.AssertClean();
        var ports = Assert.Single(set.NetworkPolicies).Object.Spec.Ingress[0].Ports;
        Assert.Equal(["8080", "http"], ports.Select(p => p.Port.Value));
    }

    [Fact]
    public void JsonList_LoadsItems_AndLocatesErrorsInsideTheItem()
    {
        var set = Manifests.Load("""
            {
              "apiVersion": "v1",
              "kind": "List",
              "items": [
                {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "a"}},
                {
                  "apiVersion": "networking.k8s.io/v1",
                  "kind": "NetworkPolicy",
                  "metadata": {"name": "p"},
                  "spec": {"podSelector": {}, "policyTypes": ["ingress"]}
                }
              ]
            }
            """);

        set.Expect(Severity.Error, "items[1].spec.policyTypes[0]", 10, 51, "unsupported policyType \"ingress\"");
        Assert.Single(set.Pods);
    }

    [Fact]
    public void V1List_LoadsEveryItem()
    {
        var set = Manifests.Load("""
            apiVersion: v1
            kind: List
            items:
            - apiVersion: v1
              kind: Pod
              metadata: {name: a, namespace: shop}
            - apiVersion: v1
              kind: Service
              metadata: {name: a, namespace: shop}
            - apiVersion: networking.k8s.io/v1
              kind: NetworkPolicyList
              items:
              - apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: p, namespace: shop}
                spec: {podSelector: {}}
            """);

        set.AssertClean();
        Assert.Single(set.Pods);
        Assert.Single(set.Services);
        var policy = Assert.Single(set.NetworkPolicies);
        Assert.Equal(new SourceLocation(Manifests.File, 13, 5), policy.Source.Location);
    }

    [Fact]
    public void V1List_ErrorsInItems_PointIntoTheItem()
    {
        var set = Manifests.Load("""
            apiVersion: v1
            kind: List
            items:
            - apiVersion: v1
              kind: Pod
              metadata:
                name: a
                labels: {tier: 1}
            - apiVersion: networking.k8s.io/v1
              kind: NetworkPolicy
              metadata:
                name: p
              spec:
                podSelector: {}
                ingress:
                - from:
                  - ipBlock: {cidr: 10.0.0.0/40}
            - apiVersion: networking.k8s.io/v1
              kind: NetworkPolicy
              metadata: {namespace: shop}
              spec: {podSelector: {}}
            """);

        set.Expect(Severity.Error, "items[0].metadata.labels.tier", 8, 20, "expected a string, found the number 1");
        set.Expect(Severity.Error, "items[1].spec.ingress[0].from[0].ipBlock.cidr", 17, 25, "must be a valid CIDR");
        set.Expect(Severity.Error, "items[2].metadata.name", 20, 13, "NetworkPolicy has no metadata.name");
        Assert.Equal(3, set.Diagnostics.Count);
    }

    [Fact]
    public void V1List_ItemThatIsNotAnObject_IsAnErrorAtTheItem()
    {
        var set = Manifests.Load("""
            apiVersion: v1
            kind: List
            items:
            - just a string
            """);

        var d = Assert.Single(set.Diagnostics);
        Assert.Equal((Severity.Error, new SourceLocation(Manifests.File, 4, 3)), (d.Severity, d.Location));
        Assert.Contains("expected a Kubernetes object (a mapping), found the string \"just a string\"", d.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("v1", "ConfigMap")]
    [InlineData("example.com/v1", "Widget")]
    [InlineData("rbac.authorization.k8s.io/v1", "Role")]
    public void UnknownKind_IsANoticeAtTheKind(string apiVersion, string kind)
    {
        var set = Manifests.Load($"""
            apiVersion: {apiVersion}
            kind: {kind}
            metadata: {"{name: x}"}
            data: {"{a: b}"}
            """);

        set.Expect(Severity.Notice, "kind", 2, 7, $"skipped {kind} ({apiVersion}): Palisade does not use this kind");
        Assert.False(set.HasErrors);
    }

    [Theory]
    [InlineData("networking.k8s.io/v1beta1", "NetworkPolicy", "use apiVersion networking.k8s.io/v1")]
    [InlineData("apps/v2", "Deployment", "use apiVersion apps/v1")]
    [InlineData("v1", "DaemonSet", "use apiVersion apps/v1")]
    [InlineData("batch/v2alpha1", "CronJob", "use apiVersion batch/v1")]
    public void KnownKind_AtAnUnknownApiVersion_IsAnError(string apiVersion, string kind, string hint)
    {
        var set = Manifests.Load($"""
            apiVersion: {apiVersion}
            kind: {kind}
            metadata: {"{name: x}"}
            """);

        set.Expect(Severity.Error, "apiVersion", 1, 13, $"{kind} is not served at apiVersion {apiVersion}", hint);
    }

    [Theory]
    [InlineData("kind: Pod\nmetadata: {name: a}", "apiVersion", 1)]
    [InlineData("apiVersion: v1\nmetadata: {name: a}", "kind", 1)]
    [InlineData("apiVersion: 1\nkind: Pod", "apiVersion", 13)]
    public void MissingApiVersionOrKind_IsAnError(string yaml, string path, int column)
    {
        var set = Manifests.Load(yaml);

        var d = set.Expect(Severity.Error, path, 1, column, "every object needs apiVersion and kind");
        Assert.NotNull(d.Hint);
    }

    [Theory]
    [InlineData("- a\n- b", "a list")]
    [InlineData("hello", "the string \"hello\"")]
    [InlineData("42", "the number 42")]
    public void DocumentThatIsNotAMapping_IsAnError(string yaml, string found)
    {
        var set = Manifests.Load(yaml);

        var d = Assert.Single(set.Diagnostics);
        Assert.Equal(new SourceLocation(Manifests.File, 1, 1), d.Location);
        Assert.Equal($"expected a Kubernetes object (a mapping), found {found}", d.Message);
    }

    [Fact]
    public void SyntaxError_IsOneDiagnostic_AndEarlierDocumentsAreKept()
    {
        var set = Manifests.Load("""
            apiVersion: v1
            kind: Pod
            metadata: {name: a}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: b
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: c}
            """);

        var d = Assert.Single(set.Diagnostics);
        Assert.Equal(Severity.Error, d.Severity);
        Assert.Equal(8, d.Location.Line);
        Assert.StartsWith("not valid YAML or JSON: ", d.Message, StringComparison.Ordinal);
        Assert.Equal(["a"], set.Pods.Select(p => p.Name));
    }

    [Fact]
    public void TabIndentation_IsASyntaxErrorWithAHint()
    {
        var set = Manifests.Load("apiVersion: v1\nkind: Pod\nmetadata:\n\tname: a\n");

        var d = Assert.Single(set.Diagnostics);
        Assert.Equal(new SourceLocation(Manifests.File, 4, 1), d.Location);
        Assert.Contains("tab", d.Message, StringComparison.Ordinal);
        Assert.Equal("fix the syntax at this line; indentation must use spaces", d.Hint);
    }

    [Fact]
    public void TabIndentation_DeepInAFile_IsReportedAtTheTab()
    {
        var set = Manifests.Load("apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  labels:\n    app: web\n\t  tier: x\n");

        var d = Assert.Single(set.Diagnostics);
        Assert.Equal(new SourceLocation(Manifests.File, 7, 1), d.Location);
    }

    [Fact]
    public void NestingTooDeep_IsADiagnostic_NotACrash()
    {
        var set = Manifests.Load("spec: " + new string('[', 10_000) + new string(']', 10_000));

        var d = Assert.Single(set.Diagnostics);
        Assert.Contains("nested more than 200 levels deep", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Aliases_AreResolved()
    {
        var set = Manifests.Load("""
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: p}
            spec:
              podSelector: &web {matchLabels: {app: web}}
              ingress:
              - from: [{podSelector: *web}]
            """);

        set.AssertClean();
        var peer = set.NetworkPolicies[0].Object.Spec.Ingress[0].FromProperty[0];
        Assert.Equal("web", peer.PodSelector.MatchLabels["app"]);
    }

    [Fact]
    public void ManyNestedAliases_AreRefused()
    {
        var lines = new List<string> { "apiVersion: v1", "kind: Pod", "metadata: {name: a}", "a0: &a0 [x, x, x, x, x, x, x, x, x, x]" };
        for (var i = 1; i < 7; i++) lines.Add($"a{i}: &a{i} [" + string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10)) + "]");

        var set = Manifests.Load(string.Join("\n", lines));

        var d = Assert.Single(set.Diagnostics);
        Assert.Contains("aliases expand to more than 100000 nodes", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ScalarsResolveAsYaml11_LikeKubectl()
    {
        var set = Manifests.Load("""
            apiVersion: v1
            kind: Pod
            metadata:
              name: a
              labels: {enabled: "on", quoted: "yes", flag: yes, empty: ~}
            """);

        var d = set.Expect(Severity.Error, "metadata.labels.flag", 5, 48, "expected a string, found the boolean yes", "quote it: \"yes\"");
        Assert.Equal(Severity.Error, d.Severity);
        var labels = set.Pods[0].Pod.Metadata.Labels;
        Assert.Equal("on", labels["enabled"]);
        Assert.Equal("", labels["empty"]);
        Assert.False(labels.ContainsKey("flag"));
    }

    [Fact]
    public void Load_KeepsDiagnosticsFoundBefore()
    {
        var bag = new DiagnosticBag();
        bag.Add(new Diagnostic(Severity.Error, new SourceLocation("missing.yaml", 0, 0), "", "no such file or directory"));

        var set = ManifestLoader.Load([new ManifestInput("a.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: a}")], bag);

        Assert.Equal("missing.yaml: error: no such file or directory", Assert.Single(set.Diagnostics).ToString());
        Assert.Single(set.Pods);
    }

    [Fact]
    public void Diagnostics_NameTheirInput()
    {
        var set = ManifestLoader.Load(
        [
            new ManifestInput("one.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: A}"),
            new ManifestInput("two.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: B}"),
        ]);

        Assert.Equal(["one.yaml", "two.yaml"], set.Diagnostics.Select(d => d.Location.File));
    }
}
