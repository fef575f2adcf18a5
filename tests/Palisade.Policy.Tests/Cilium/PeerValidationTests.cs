using Palisade.Policy.Diagnostics;

namespace Palisade.Policy.Tests.Cilium;

/// <summary>L3 peers: one kind per rule, removed fields, CIDRs, entities, services, groups, FQDNs.</summary>
public class PeerValidationTests
{
    [Theory]
    [InlineData("ingress", "{fromEndpoints: [{}], fromCIDR: [10.0.0.0/8]}", "combining fromEndpoints and fromCIDR is not supported yet")]
    [InlineData("ingressDeny", "{fromEntities: [world], fromCIDRSet: [{cidr: 10.0.0.0/8}]}", "combining fromCIDRSet and fromEntities is not supported yet")]
    [InlineData("ingress", "{fromNodes: [{}], fromEndpoints: [{}], fromEntities: [host]}", "combining fromEndpoints, fromEntities and fromNodes is not supported yet")]
    [InlineData("egress", "{toFQDNs: [{matchName: a.io}], toEndpoints: [{}]}", "combining toEndpoints and toFQDNs is not supported yet")]
    [InlineData("egress", "{toServices: [{k8sService: {serviceName: api}}], toCIDR: [10.0.0.0/8]}", "combining toCIDR and toServices is not supported yet")]
    [InlineData("egressDeny", "{toNodes: [{}], toEntities: [host]}", "combining toEntities and toNodes is not supported yet")]
    public void TwoPeerKinds_InOneRule_IsAnErrorAtTheRule(string list, string rule, string message)
    {
        var finding = CiliumTestKit.Cnp($"endpointSelector: {{}}\n{list}: [{rule}]").Only($"spec.{list}[0]", message);

        Assert.Contains("split it into separate rules", finding.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyPeerLists_DoNotCountAsPeerKinds() =>
        CiliumTestKit.Cnp("endpointSelector: {}\ningress: [{fromEndpoints: [], fromCIDR: [10.0.0.0/8]}]").AssertClean();

    [Fact]
    public void EveryPeerKindWithPorts_IsAllowed() =>
        CiliumTestKit.Cnp("""
            endpointSelector: {}
            egress:
            - {toServices: [{k8sService: {serviceName: api, namespace: prod}}], toPorts: [{ports: [{port: "80"}]}]}
            - {toFQDNs: [{matchPattern: "*.example.com"}], toPorts: [{ports: [{port: "443", protocol: TCP}]}]}
            - {toEntities: [kube-apiserver], toPorts: [{ports: [{port: "6443", protocol: TCP}]}]}
            - {toNodes: [{matchLabels: {role: db}}], toPorts: [{ports: [{port: "5432"}]}]}
            """).AssertClean();

    [Theory]
    [InlineData("ingress", "fromRequires")]
    [InlineData("ingressDeny", "fromRequires")]
    [InlineData("egress", "toRequires")]
    [InlineData("egressDeny", "toRequires")]
    public void Requires_IsRejectedWithTheReason(string list, string field)
    {
        var finding = CiliumTestKit.Cnp($"endpointSelector: {{}}\n{list}: [{{{field}: [{{matchLabels: {{env: prod}}}}]}}]")
            .Only($"spec.{list}[0].{field}", $"{field} was deprecated in Cilium 1.17 and removed in 1.19 (the CRD allows no items: MaxItems=0)");

        Assert.Contains("deny rule", finding.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Requires_InTheStringFormOfTheCurrentCrd_IsAlsoRejected() =>
        CiliumTestKit.Cnp("endpointSelector: {}\ningress: [{fromRequires: [\"k8s:env=prod\"]}]").Only("spec.ingress[0].fromRequires", "fromRequires was deprecated");

    [Fact]
    public void Requires_Empty_IsAccepted() => CiliumTestKit.Cnp("endpointSelector: {}\ningress: [{fromRequires: []}]").AssertClean();

    [Theory]
    [InlineData("10.0.0.0/8")]
    [InlineData("10.1.2.3")]
    [InlineData("2001:db8::/32")]
    [InlineData("::1")]
    public void Cidr_PrefixOrSingleAddress_IsAccepted(string cidr) =>
        CiliumTestKit.Cnp($"endpointSelector: {{}}\negress: [{{toCIDR: [\"{cidr}\"]}}]").AssertClean();

    [Theory]
    [InlineData("10.0.0.0/33", "\"10.0.0.0/33\" is not a valid CIDR")]
    [InlineData("10.0.0", "\"10.0.0\" is not a valid CIDR or IP address")]
    [InlineData("", "IP must be specified")]
    public void Cidr_Invalid_IsAnError(string cidr, string message) =>
        CiliumTestKit.Cnp($"endpointSelector: {{}}\ningress: [{{fromCIDR: [\"{cidr}\"]}}]").Only("spec.ingress[0].fromCIDR[0]", message);

    [Fact]
    public void CidrSet_WithExceptions_IsAccepted() =>
        CiliumTestKit.Cnp("endpointSelector: {}\negress: [{toCIDRSet: [{cidr: 10.0.0.0/8, except: [10.96.0.0/12, 10.0.0.0/8]}]}]").AssertClean();

    [Fact]
    public void CidrSet_ExceptOutsideTheCidr_IsAnError() =>
        CiliumTestKit.Cnp("endpointSelector: {}\negress: [{toCIDRSet: [{cidr: 10.0.0.0/16, except: [10.1.0.0/24]}]}]")
            .Only("spec.egress[0].toCIDRSet[0].except[0]", "allow CIDR prefix 10.0.0.0/16 does not contain exclude CIDR prefix 10.1.0.0/24");

    [Fact]
    public void CidrSet_ExceptLargerThanTheCidr_IsAnError() =>
        CiliumTestKit.Cnp("endpointSelector: {}\negress: [{toCIDRSet: [{cidr: 10.0.0.0/16, except: [10.0.0.0/8]}]}]")
            .Only("spec.egress[0].toCIDRSet[0].except[0]", "does not contain exclude CIDR prefix 10.0.0.0/8");

    [Fact]
    public void CidrSet_ExceptOfTheOtherFamily_IsAnError() =>
        CiliumTestKit.Cnp("endpointSelector: {}\negress: [{toCIDRSet: [{cidr: 10.0.0.0/8, except: [\"::/0\"]}]}]")
            .Only("spec.egress[0].toCIDRSet[0].except[0]", "does not contain exclude CIDR prefix ::/0");

    [Fact]
    public void CidrSet_InvalidExcept_IsAnError() =>
        CiliumTestKit.Cnp("endpointSelector: {}\negress: [{toCIDRSet: [{cidr: 10.0.0.0/8, except: [10.0.0.300/24]}]}]")
            .Only("spec.egress[0].toCIDRSet[0].except[0]", "\"10.0.0.300/24\" is not a valid CIDR");

    [Fact]
    public void CidrSet_SingleAddress_NeedsThePrefixForm()
    {
        var finding = CiliumTestKit.Cnp("endpointSelector: {}\negress: [{toCIDRSet: [{cidr: 10.1.2.3}]}]")
            .Only("spec.egress[0].toCIDRSet[0].cidr", "cidr needs the address/prefix form");

        Assert.Equal("write 10.1.2.3/32 for a single address", finding.Hint);
    }

    [Fact]
    public void CidrSet_WithoutAnySource_IsAnError() =>
        CiliumTestKit.Cnp("endpointSelector: {}\negress: [{toCIDRSet: [{except: [10.0.0.0/24]}]}]")
            .Only("spec.egress[0].toCIDRSet[0]", "one of cidr, cidrGroupRef or cidrGroupSelector is required");

    [Fact]
    public void CidrGroupRef_IsRejectedAsUnsupported() =>
        CiliumTestKit.Cnp("endpointSelector: {}\negress: [{toCIDRSet: [{cidrGroupRef: office}]}]")
            .Only("spec.egress[0].toCIDRSet[0].cidrGroupRef", "cidrGroupRef is not supported by Palisade: CiliumCIDRGroup objects are not loaded");

    [Fact]
    public void CidrGroupSelector_IsRejectedAsUnsupported() =>
        CiliumTestKit.Cnp("endpointSelector: {}\ningressDeny: [{fromCIDRSet: [{cidrGroupSelector: {matchLabels: {site: hq}}}]}]")
            .Only("spec.ingressDeny[0].fromCIDRSet[0].cidrGroupSelector", "cidrGroupSelector is not supported by Palisade");

    [Fact]
    public void CidrSet_WithCidrAndGroupRef_IsTwoErrors()
    {
        var result = CiliumTestKit.Cnp("endpointSelector: {}\negress: [{toCIDRSet: [{cidr: 10.0.0.0/8, cidrGroupRef: office}]}]");

        result.At("spec.egress[0].toCIDRSet[0]", "only one of cidr, cidrGroupRef and cidrGroupSelector may be set");
        result.At("spec.egress[0].toCIDRSet[0].cidrGroupRef", "not supported by Palisade");
        Assert.Equal(2, result.Findings.Count);
    }

    [Fact]
    public void EveryEntity_IsAccepted() =>
        CiliumTestKit.Cnp("""
            endpointSelector: {}
            egress:
            - toEntities: [all, world, world-ipv4, world-ipv6, cluster, host, init, ingress, unmanaged, remote-node, health, none, kube-apiserver]
            """).AssertClean();

    [Theory]
    [InlineData("wrold", "did you mean \"world\"?")]
    [InlineData("kube-api-server", "did you mean \"kube-apiserver\"?")]
    [InlineData("Host", "did you mean \"host\"?")]
    [InlineData("cluster-mesh", "Cilium has no cluster-mesh entity; use cluster")]
    [InlineData("everything", "entities are all, world,")]
    public void UnknownEntity_IsAnErrorWithAHint(string entity, string hint)
    {
        var finding = CiliumTestKit.Cnp($"endpointSelector: {{}}\ningress: [{{fromEntities: [{entity}]}}]")
            .Only("spec.ingress[0].fromEntities[0]", $"unsupported entity \"{entity}\"");

        Assert.Contains(hint, finding.Hint, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ingress", "fromGroups")]
    [InlineData("egressDeny", "toGroups")]
    public void Groups_ByIdOrName_AreAccepted(string list, string field) =>
        CiliumTestKit.Cnp($"endpointSelector: {{}}\n{list}: [{{{field}: [{{aws: {{securityGroupsNames: [web], securityGroupsIds: [sg-1]}}}}]}}]").AssertClean();

    [Fact]
    public void Groups_ByEniLabels_AreRejectedAsUnsupported() =>
        CiliumTestKit.Cnp("endpointSelector: {}\negress: [{toGroups: [{aws: {labels: {team: db}}}]}]")
            .Only("spec.egress[0].toGroups[0].aws.labels", "aws.labels (ENI tags) is not supported by Palisade");

    [Fact]
    public void Groups_WithoutAws_IsAnError() =>
        CiliumTestKit.Cnp("endpointSelector: {}\negress: [{toGroups: [{}]}]").Only("spec.egress[0].toGroups[0]", "aws is required");

    [Fact]
    public void Service_WithNeitherForm_IsAnError() =>
        CiliumTestKit.Cnp("endpointSelector: {}\negress: [{toServices: [{}]}]").Only("spec.egress[0].toServices[0]", "a service needs k8sService or k8sServiceSelector");

    [Fact]
    public void Service_WithoutName_IsAnError() =>
        CiliumTestKit.Cnp("endpointSelector: {}\negress: [{toServices: [{k8sService: {namespace: prod}}]}]").Only("spec.egress[0].toServices[0].k8sService", "serviceName is required");

    [Fact]
    public void Service_WithInvalidNamespace_IsAnError() =>
        CiliumTestKit.Cnp("endpointSelector: {}\negress: [{toServices: [{k8sService: {serviceName: api, namespace: Prod}}]}]")
            .Only("spec.egress[0].toServices[0].k8sService.namespace", "invalid namespace \"Prod\"");

    [Fact]
    public void ServiceSelector_WithoutSelector_IsAnError() =>
        CiliumTestKit.Cnp("endpointSelector: {}\negressDeny: [{toServices: [{k8sServiceSelector: {namespace: prod}}]}]")
            .Only("spec.egressDeny[0].toServices[0].k8sServiceSelector", "selector is required");

    [Fact]
    public void ServiceSelector_IsValidatedAsASelector() =>
        CiliumTestKit.Cnp("endpointSelector: {}\negress: [{toServices: [{k8sServiceSelector: {selector: {matchExpressions: [{key: app, operator: in, values: [a]}]}}}]}]")
            .Only("spec.egress[0].toServices[0].k8sServiceSelector.selector.matchExpressions[0].operator", "\"in\" is not a valid selector operator");

    [Theory]
    [InlineData("{matchName: api.github.com}")]
    [InlineData("{matchName: \"api.github.com.\"}")]
    [InlineData("{matchName: my_host-1.internal}")]
    [InlineData("{matchPattern: \"*\"}")]
    [InlineData("{matchPattern: \"**.github.com\"}")]
    [InlineData("{matchPattern: \"sub*.cilium.io\"}")]
    public void Fqdn_Valid_IsAccepted(string selector) =>
        CiliumTestKit.Cnp($"endpointSelector: {{}}\negress: [{{toFQDNs: [{selector}]}}]").AssertClean();

    [Theory]
    [InlineData("{}", "spec.egress[0].toFQDNs[0]", "one of matchName or matchPattern is required")]
    [InlineData("{matchName: a.io, matchPattern: \"*.a.io\"}", "spec.egress[0].toFQDNs[0]", "only one of matchName and matchPattern may be set")]
    [InlineData("{matchName: \"*.github.com\"}", "spec.egress[0].toFQDNs[0].matchName", "invalid DNS name \"*.github.com\"")]
    [InlineData("{matchName: \"https://github.com\"}", "spec.egress[0].toFQDNs[0].matchName", "invalid DNS name")]
    [InlineData("{matchName: \"a..b\"}", "spec.egress[0].toFQDNs[0].matchName", "with no empty labels")]
    [InlineData("{matchPattern: \".github.com\"}", "spec.egress[0].toFQDNs[0].matchPattern", "invalid DNS name")]
    [InlineData("{matchName: \"\"}", "spec.egress[0].toFQDNs[0].matchName", "invalid DNS name \"\"")]
    public void Fqdn_Invalid_IsAnError(string selector, string path, string message) =>
        CiliumTestKit.Cnp($"endpointSelector: {{}}\negress: [{{toFQDNs: [{selector}]}}]").Only(path, message);

    [Fact]
    public void Fqdn_LongerThan255Characters_IsAnError()
    {
        var name = string.Join(".", Enumerable.Repeat(new string('a', 63), 4)) + ".io";

        CiliumTestKit.Cnp($"endpointSelector: {{}}\negress: [{{toFQDNs: [{{matchName: {name}}}]}}]")
            .Only("spec.egress[0].toFQDNs[0].matchName", $"must be no more than 255 characters (has {name.Length})");
    }

    [Fact]
    public void Fqdn_LongRunOfValidCharacters_IsCheckedQuickly()
    {
        var almost = new string('a', 200) + "!";

        CiliumTestKit.Cnp($"endpointSelector: {{}}\negress: [{{toFQDNs: [{{matchPattern: \"{almost}\"}}]}}]").Only("spec.egress[0].toFQDNs[0].matchPattern", "invalid DNS name");
    }

    [Fact]
    public void FromNodes_IsValidatedAsASelector() =>
        CiliumTestKit.Ccnp("endpointSelector: {}\ningress: [{fromNodes: [{matchLabels: {\"node-role.kubernetes.io/control-plane\": \"yes please\"}}]}]")
            .Only("spec.ingress[0].fromNodes[0].matchLabels[\"node-role.kubernetes.io/control-plane\"]", "invalid label value \"yes please\"", Severity.Error);
}
