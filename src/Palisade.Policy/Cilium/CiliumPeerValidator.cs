using Palisade.Policy.Binding;
using Palisade.Policy.Net;
using Palisade.Policy.Validation;
using Palisade.Policy.Yaml;

namespace Palisade.Policy.Cilium;

/// <summary>The L3 part of a rule: one kind of peer per rule, and each peer kind's own checks.</summary>
internal static class CiliumPeerValidator
{
    /// <summary>Checks the peers of the rule at <paramref name="path"/>.</summary>
    public static void Validate(PeerFields peers, FieldPath path, ProblemList problems)
    {
        CheckOneMember(peers, path, problems);
        CheckRequires(peers, path, problems);
        CiliumSelectorValidator.ValidateAll(peers.Endpoints, path.Field(peers.Prefix + "Endpoints"), problems);
        CiliumSelectorValidator.ValidateAll(peers.Nodes, path.Field(peers.Prefix + "Nodes"), problems);
        problems.Each(peers.Cidr, path.Field(peers.Prefix + "CIDR"), CidrText);
        problems.Each(peers.CidrSet, path.Field(peers.Prefix + "CIDRSet"), CidrSetEntry);
        problems.Each(peers.Entities, path.Field(peers.Prefix + "Entities"), Entity);
        problems.Each(peers.Services, path.Field("toServices"), Service);
        problems.Each(peers.Fqdns, path.Field("toFQDNs"), FqdnValidator.Validate);
        problems.Each(peers.Groups, path.Field(peers.Prefix + "Groups"), Group);
    }

    /// <summary>
    /// A cloud-provider group: AWS security groups by id or name, resolved through the <c>--sg-inventory</c> file. ENI
    /// labels need the EC2 API and are rejected by name.
    /// </summary>
    private static void Group(CiliumGroups group, FieldPath path, ProblemList problems)
    {
        if (group.Aws is not { } aws)
        {
            problems.Error(path, "aws is required", "write aws: {securityGroupsIds: [sg-...]} or aws: {securityGroupsNames: [...]}");
            return;
        }
        if (aws.Labels is { Count: > 0 })
        {
            problems.Unsupported(path.Field("aws").Field("labels"), "aws.labels (ENI tags)", "resolving ENI tags needs the EC2 API",
                "name the security groups with securityGroupsIds or securityGroupsNames; Palisade resolves them through --sg-inventory");
        }
        if (aws.SecurityGroupsIds is not { Count: > 0 } && aws.SecurityGroupsNames is not { Count: > 0 } && aws.Labels is not { Count: > 0 })
        {
            problems.Error(path.Field("aws"), "aws needs securityGroupsIds or securityGroupsNames", "list the security groups whose members are the peers");
        }
        if (aws.Region is not null) problems.Warning(path.Field("aws").Field("region"), "region is deprecated and ignored by Cilium");
    }

    private static void CheckOneMember(PeerFields peers, FieldPath path, ProblemList problems)
    {
        var set = peers.SetMembers().ToList();
        if (set.Count < 2) return;
        var names = string.Join(", ", set.Take(set.Count - 1)) + " and " + set[^1];
        problems.Error(path, $"combining {names} is not supported yet", "Cilium allows one kind of peer per rule: split it into separate rules, one per peer kind");
    }

    private static void CheckRequires(PeerFields peers, FieldPath path, ProblemList problems)
    {
        if (peers.Requires is not { Count: > 0 }) return;
        var field = peers.Prefix + "Requires";
        problems.Error(path.Field(field), $"{field} was deprecated in Cilium 1.17 and removed in 1.19 (the CRD allows no items: MaxItems=0)",
            "express the requirement as a separate deny rule, or add the required labels to the endpoint selectors");
    }

    private static void CidrText(string text, FieldPath path, ProblemList problems)
    {
        if (text.Length == 0)
        {
            problems.Error(path, "IP must be specified", "write a prefix such as 10.0.0.0/8 or a single address");
            return;
        }
        if (!text.Contains('/', StringComparison.Ordinal))
        {
            if (!IpAddressValue.TryParse(text, out _)) problems.Error(path, $"\"{text}\" is not a valid CIDR or IP address", "write address/prefix, e.g. 10.0.0.0/16");
            return;
        }
        Prefix(text, path, problems);
    }

    private static Cidr? Prefix(string text, FieldPath path, ProblemList problems)
    {
        if (!Cidr.TryParse(text, out var cidr, out var hostBits))
        {
            problems.Error(path, $"\"{text}\" is not a valid CIDR", "write address/prefix, e.g. 10.0.0.0/16");
            return null;
        }
        if (hostBits) problems.Warning(path, $"\"{text}\" has host bits set; it means {cidr}", $"write {cidr}");
        return cidr;
    }

    private static void CidrSetEntry(CidrRule rule, FieldPath path, ProblemList problems)
    {
        var given = new[] { rule.Cidr is not null, rule.CidrGroupRef is not null, rule.CidrGroupSelector is not null }.Count(b => b);
        if (given == 0) problems.Error(path, "one of cidr, cidrGroupRef or cidrGroupSelector is required");
        if (given > 1) problems.Error(path, "only one of cidr, cidrGroupRef and cidrGroupSelector may be set");
        const string groups = "CiliumCIDRGroup objects are not loaded";
        if (rule.CidrGroupRef is not null) problems.Unsupported(path.Field("cidrGroupRef"), "cidrGroupRef", groups, "list the group's prefixes in cidr entries instead");
        if (rule.CidrGroupSelector is not null) problems.Unsupported(path.Field("cidrGroupSelector"), "cidrGroupSelector", groups, "list the groups' prefixes in cidr entries instead");
        if (rule.Cidr is null) return;
        var cidr = rule.Cidr.Contains('/', StringComparison.Ordinal) ? Prefix(rule.Cidr, path.Field("cidr"), problems) : NotAPrefix(rule.Cidr, path.Field("cidr"), problems);
        if (cidr is { } c) problems.Each(rule.Except, path.Field("except"), (e, p, ps) => Except(c, rule.Cidr, e, p, ps));
    }

    private static Cidr? NotAPrefix(string text, FieldPath path, ProblemList problems)
    {
        var single = IpAddressValue.TryParse(text, out var ip) ? $"write {text}/{ip.Width} for a single address" : "write address/prefix, e.g. 10.0.0.0/16";
        problems.Error(path, $"\"{text}\" is not a valid CIDR: cidr needs the address/prefix form", single);
        return null;
    }

    private static void Except(Cidr cidr, string cidrText, string text, FieldPath path, ProblemList problems)
    {
        if (!Cidr.TryParse(text, out var except, out _)) problems.Error(path, $"\"{text}\" is not a valid CIDR", "write address/prefix, e.g. 10.0.0.0/24");
        else if (!cidr.Contains(except)) problems.Error(path, $"allow CIDR prefix {cidrText} does not contain exclude CIDR prefix {text}", "an except must lie inside cidr");
    }

    private static void Entity(string name, FieldPath path, ProblemList problems)
    {
        if (CiliumEntities.IsKnown(name)) return;
        var hint = name == "cluster-mesh"
            ? "Cilium has no cluster-mesh entity; use cluster for the local cluster, or endpoint selectors on io.cilium.k8s.policy.cluster for other clusters"
            : Suggest.Closest(name, CiliumEntities.All) is { } s ? $"did you mean \"{s}\"?" : "entities are " + string.Join(", ", CiliumEntities.All);
        problems.Error(path, $"unsupported entity \"{name}\"", hint);
    }

    private static void Service(CiliumService service, FieldPath path, ProblemList problems)
    {
        if (service.K8sService is null && service.K8sServiceSelector is null)
        {
            problems.Error(path, "a service needs k8sService or k8sServiceSelector", "write e.g. k8sService: {serviceName: api, namespace: default}");
        }
        if (service.K8sService is { } byName)
        {
            var p = path.Field("k8sService");
            if (string.IsNullOrEmpty(byName.ServiceName)) problems.Error(byName.ServiceName is null ? p : p.Field("serviceName"), "serviceName is required");
            Namespace(byName.Namespace, p.Field("namespace"), problems);
        }
        if (service.K8sServiceSelector is { } bySelector)
        {
            var p = path.Field("k8sServiceSelector");
            if (bySelector.Selector is null) problems.Error(p, "selector is required", "write e.g. selector: {matchLabels: {app: api}}");
            else CiliumSelectorValidator.Validate(bySelector.Selector, p.Field("selector"), problems);
            Namespace(bySelector.Namespace, p.Field("namespace"), problems);
        }
    }

    private static void Namespace(string? name, FieldPath path, ProblemList problems)
    {
        if (name is { Length: > 0 } && KubernetesNames.CheckDnsLabel(name) is { } reason) problems.Error(path, $"invalid namespace \"{name}\": {reason}");
    }
}
