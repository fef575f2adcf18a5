namespace Palisade.Policy.Tests.Cilium;

/// <summary>Rule-kind fields: authentication, deny-only restrictions.</summary>
public class DirectionValidationTests
{
    [Theory]
    [InlineData("ingress")]
    [InlineData("egress")]
    public void Authentication_Required_IsRejectedAsUnsupported(string list) =>
        CiliumTestKit.Cnp($"endpointSelector: {{}}\n{list}: [{{authentication: {{mode: required}}}}]")
            .Only($"spec.{list}[0].authentication.mode", "authentication mode required is not supported by Palisade");

    [Fact]
    public void Authentication_Disabled_IsAccepted() =>
        CiliumTestKit.Cnp("endpointSelector: {}\ningress: [{authentication: {mode: disabled}}]").AssertClean();

    [Fact]
    public void Authentication_WithoutMode_IsAnError() =>
        CiliumTestKit.Cnp("endpointSelector: {}\ningress: [{authentication: {}}]").Only("spec.ingress[0].authentication", "mode is required");

    [Fact]
    public void Authentication_UnknownMode_IsAnError() =>
        CiliumTestKit.Cnp("endpointSelector: {}\ningress: [{authentication: {mode: mtls}}]").Only("spec.ingress[0].authentication.mode", "unsupported authentication mode \"mtls\"");

    [Theory]
    [InlineData("egressDeny", "toFQDNs: [{matchName: a.io}]", "toFQDNs")]
    [InlineData("ingressDeny", "authentication: {mode: required}", "authentication")]
    public void AllowOnlyFields_InADenyRule_AreUnknownFields(string list, string field, string name) =>
        CiliumTestKit.Cnp($"endpointSelector: {{}}\n{list}: [{{{field}}}]").Only($"spec.{list}[0].{name}", $"unknown field \"{name}\"");

    [Fact]
    public void EveryFieldOfEveryRuleKind_Binds() =>
        CiliumTestKit.Ccnp("""
            endpointSelector: {}
            ingress:
            - {fromEndpoints: [{}], toPorts: [{ports: [{port: "80", protocol: TCP}], rules: {http: [{method: GET}]}}]}
            - {fromCIDR: [10.0.0.0/8]}
            - {fromCIDRSet: [{cidr: 10.0.0.0/8, except: [10.1.0.0/16]}]}
            - {fromEntities: [world], icmps: [{fields: [{type: 8}]}]}
            - {fromNodes: [{}]}
            ingressDeny:
            - {fromEndpoints: [{}], toPorts: [{ports: [{port: "23"}]}]}
            - {fromCIDR: [192.168.0.0/16], icmps: [{fields: [{family: IPv6, type: 128}]}]}
            - {fromCIDRSet: [{cidr: "::/0"}]}
            - {fromEntities: [host]}
            - {fromNodes: [{}]}
            egress:
            - {toEndpoints: [{}], toPorts: [{ports: [{port: "53", protocol: ANY}], rules: {dns: [{matchPattern: "*"}]}}]}
            - {toCIDR: [1.1.1.1]}
            - {toCIDRSet: [{cidr: 0.0.0.0/0, except: [10.0.0.0/8]}]}
            - {toEntities: [kube-apiserver]}
            - {toServices: [{k8sServiceSelector: {selector: {matchLabels: {app: api}}, namespace: prod}}]}
            - {toNodes: [{}]}
            - {toFQDNs: [{matchName: example.com}], toPorts: [{ports: [{port: "443", protocol: TCP}]}]}
            egressDeny:
            - {toEndpoints: [{}]}
            - {toCIDR: [10.0.0.0/8]}
            - {toCIDRSet: [{cidr: 10.0.0.0/8}]}
            - {toEntities: [world]}
            - {toServices: [{k8sService: {serviceName: api}}]}
            - {toNodes: [{}], toPorts: [{ports: [{port: "22", protocol: TCP}]}]}
            """).AssertClean();
}
