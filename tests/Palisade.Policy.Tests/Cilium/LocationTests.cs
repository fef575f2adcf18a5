using Palisade.Policy.Binding;
using Palisade.Policy.Cilium;
using Palisade.Policy.Diagnostics;
using Palisade.Policy.Yaml;

namespace Palisade.Policy.Tests.Cilium;

/// <summary>Validation paths locate the offending node, so the loader can print file:line:column.</summary>
public class LocationTests
{
    [Fact]
    public void ProblemPaths_LocateTheirNodes()
    {
        const string Yaml = """
            apiVersion: cilium.io/v2
            kind: CiliumNetworkPolicy
            metadata:
              name: test
            spec:
              endpointSelector:
                matchLabels:
                  "k8:app": web
              egress:
              - toPorts:
                - ports:
                  - port: "99999"
                    protocol: tcp
            """;
        var bag = new DiagnosticBag();
        var document = Assert.Single(YamlReader.Read("cilium.yaml", Yaml, bag));
        var policy = ObjectBinder.Bind<CiliumNetworkPolicy>(document.Root, new BindContext(document, bag, Severity.Error))!;

        var located = CiliumPolicyValidator.Validate(policy).Select(p => (p.Path.ToString(), document.Locate(p.Path))).OrderBy(x => x.Item2.Line).ToList();

        Assert.Empty(bag.Items);
        Assert.Equal(
            [
                ("spec.endpointSelector.matchLabels.k8:app", new SourceLocation("cilium.yaml", 8, 17)),
                ("spec.egress[0].toPorts[0].ports[0].port", new SourceLocation("cilium.yaml", 12, 15)),
                ("spec.egress[0].toPorts[0].ports[0].protocol", new SourceLocation("cilium.yaml", 13, 19)),
            ],
            located);
    }
}
