using Palisade.Policy.Cilium;
using Palisade.Policy.Yaml;

namespace Palisade.Policy.Tests.Cilium;

/// <summary>The Cilium examples of seed 004 (shared/seeds/004_*.txt), written inline as the seed has them.</summary>
public class SeedExampleTests
{
    /// <summary>The seed's host firewall example: a CCNP with <c>description: ""</c> at the top level.</summary>
    private const string HostPolicy = """
        apiVersion: "cilium.io/v2"
        kind: CiliumClusterwideNetworkPolicy
        description: ""
        metadata:
          name: "demo-host-policy"
        spec:
          nodeSelector:
            matchLabels:
              node-access: ssh
          ingress:
          - fromEntities:
            - cluster
          - toPorts:
            - ports:
              - port: "22"
                protocol: TCP
        """;

    [Fact]
    public void HostPolicy_TopLevelDescription_IsAnUnknownFieldWithTheMisplacedFieldHint()
    {
        var result = CiliumTestKit.Check(HostPolicy);

        var finding = result.Only("description", "unknown field \"description\"");
        Assert.Equal("description belongs under spec: (spec.description), not at the top level", CiliumPolicyValidator.MisplacedFieldHint("description"));
        Assert.Equal(CiliumPolicyValidator.MisplacedFieldHint("description"), CiliumPolicyValidator.UnknownFieldHint(FieldPath.Root.Field(finding.Path)));
    }

    [Fact]
    public void HostPolicy_WithDescriptionUnderSpec_IsClean()
    {
        var fixedPolicy = HostPolicy.Replace("description: \"\"\n", "", StringComparison.Ordinal).Replace("spec:\n", "spec:\n  description: \"\"\n", StringComparison.Ordinal);

        var result = CiliumTestKit.Check(fixedPolicy);

        result.AssertClean();
        var rule = result.Ccnp.Spec!;
        Assert.Equal("", rule.Description);
        Assert.Equal(["cluster"], rule.Ingress![0]!.FromEntities!);
        Assert.Equal(22, rule.Ingress[1]!.ToPorts![0]!.Ports![0]!.PortNumber);
    }

    [Fact]
    public void Rule1WithTopLevelDescription_IsAnUnknownFieldAndOtherwiseValid()
    {
        var result = CiliumTestKit.Check("""
            apiVersion: "cilium.io/v2"
            kind: CiliumNetworkPolicy
            description: "L3-L4 policy to restrict deathstar access to empire ships only"
            metadata:
              name: "rule1"
            spec:
              endpointSelector:
                matchLabels:
                  org: empire
                  class: deathstar
              ingress:
              - fromEndpoints:
                - matchLabels:
                    org: empire
                toPorts:
                - ports:
                  - port: "80"
                    protocol: TCP
            """);

        result.Only("description", "unknown field \"description\"");
    }

    [Fact]
    public void ToGroupsExample_IsAccepted()
    {
        var result = CiliumTestKit.Check("""
            ---
            kind: CiliumNetworkPolicy
            apiVersion: cilium.io/v2
            metadata:
              name: to-groups-sample
              namespace: default
            spec:
              endpointSelector:
                matchLabels:
                  org: alliance
                  class: xwing
              egress:
              - toPorts:
                - ports:
                  - port: '80'
                    protocol: TCP
                toGroups:
                - aws:
                    securityGroupsIds:
                    - 'sg-0f2146100a88d03c3'
            """);

        result.AssertClean();
        Assert.Equal("sg-0f2146100a88d03c3", result.Cnp.Spec!.Egress![0]!.ToGroups![0]!.Aws!.SecurityGroupsIds![0]);
    }
}
