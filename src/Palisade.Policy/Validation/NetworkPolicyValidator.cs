using k8s.Models;
using Palisade.Policy.Binding;
using Palisade.Policy.Diagnostics;
using Palisade.Policy.Net;
using Palisade.Policy.Yaml;

namespace Palisade.Policy.Validation;

/// <summary>
/// Kubernetes' NetworkPolicy validation (pkg/apis/networking/validation): selectors, peers, ipBlock, ports and
/// policyTypes. Returns every problem; an empty result means the API server would accept the spec. A null list item
/// is one the binder could not bind and has already reported; it is skipped here.
/// </summary>
public static class NetworkPolicyValidator
{
    private static readonly string[] Protocols = ["TCP", "UDP", "SCTP"];

    /// <summary>Every problem of <paramref name="policy"/>.</summary>
    public static IReadOnlyList<ValidationProblem> Validate(V1NetworkPolicy policy)
    {
        var spec = FieldPath.Root.Field("spec");
        var problems = new List<ValidationProblem>();
        if (policy.Spec is null)
        {
            problems.Add(new(Severity.Error, spec, "spec is required", "add spec with at least podSelector: {}"));
            return problems;
        }
        if (policy.Spec.PodSelector is null) problems.Add(new(Severity.Error, spec.Field("podSelector"), "podSelector is required", "use podSelector: {} to select every pod of the namespace"));
        else problems.AddRange(LabelSelectorValidator.Validate(policy.Spec.PodSelector, spec.Field("podSelector")));
        var ingress = policy.Spec.Ingress ?? [];
        for (var i = 0; i < ingress.Count; i++) problems.AddRange(Rule(ingress[i]?.FromProperty, ingress[i]?.Ports, spec.Field("ingress").Index(i), "from"));
        var egress = policy.Spec.Egress ?? [];
        for (var i = 0; i < egress.Count; i++) problems.AddRange(Rule(egress[i]?.To, egress[i]?.Ports, spec.Field("egress").Index(i), "to"));
        problems.AddRange(PolicyTypes(policy.Spec.PolicyTypes, spec.Field("policyTypes")));
        return problems;
    }

    private static IEnumerable<ValidationProblem> Rule(IList<V1NetworkPolicyPeer>? peers, IList<V1NetworkPolicyPort>? ports, FieldPath path, string peersField)
    {
        for (var j = 0; j < (ports?.Count ?? 0); j++)
        {
            foreach (var p in Port(ports![j], path.Field("ports").Index(j))) yield return p;
        }
        for (var j = 0; j < (peers?.Count ?? 0); j++)
        {
            foreach (var p in Peer(peers![j], path.Field(peersField).Index(j))) yield return p;
        }
    }

    private static IEnumerable<ValidationProblem> PolicyTypes(IList<string>? types, FieldPath path)
    {
        if (types is null) yield break;
        if (types.Count > 2)
        {
            yield return new(Severity.Error, path, "may not specify more than two policyTypes");
            yield break;
        }
        for (var i = 0; i < types.Count; i++)
        {
            if (types[i] is not (null or "Ingress" or "Egress"))
            {
                yield return new(Severity.Error, path.Index(i), $"unsupported policyType \"{types[i]}\"", "supported values: \"Ingress\", \"Egress\" (case-sensitive)");
            }
        }
    }

    private static IEnumerable<ValidationProblem> Port(V1NetworkPolicyPort? port, FieldPath path)
    {
        if (port is null) yield break;
        if (port.Protocol is not null && !Protocols.Contains(port.Protocol))
        {
            yield return new(Severity.Error, path.Field("protocol"), $"unsupported protocol \"{port.Protocol}\"", "supported values: \"TCP\", \"UDP\", \"SCTP\" (upper case)");
        }
        if (port.Port is null)
        {
            if (port.EndPort is not null) yield return new(Severity.Error, path.Field("endPort"), "endPort may not be specified when port is not specified", "add port, the start of the range");
            yield break;
        }
        if (port.Port is StringIntOrString named)
        {
            if (port.EndPort is not null) yield return new(Severity.Error, path.Field("endPort"), "endPort may not be specified when port is non-numeric", "use a numeric port with endPort, or drop endPort");
            if (KubernetesNames.CheckPortName(named.Value) is { } reason)
            {
                yield return new(Severity.Error, path.Field("port"), $"invalid named port \"{named.Value}\": {reason}",
                    int.TryParse(named.Value, out _) ? "a quoted number is a port name; write the number without quotes" : null);
            }
            yield break;
        }
        var number = int.Parse(port.Port.Value, System.Globalization.CultureInfo.InvariantCulture);
        if (number is < 1 or > 65535) yield return new(Severity.Error, path.Field("port"), $"port {number} must be between 1 and 65535, inclusive");
        if (port.EndPort is { } end)
        {
            if (end < number) yield return new(Severity.Error, path.Field("endPort"), $"endPort {end} must be greater than or equal to port {number}");
            if (end is < 1 or > 65535) yield return new(Severity.Error, path.Field("endPort"), $"endPort {end} must be between 1 and 65535, inclusive");
        }
    }

    private static IEnumerable<ValidationProblem> Peer(V1NetworkPolicyPeer? peer, FieldPath path)
    {
        if (peer is null) yield break;
        if (peer.PodSelector is null && peer.NamespaceSelector is null && peer.IpBlock is null)
        {
            yield return new(Severity.Error, path, "must specify a peer", "give podSelector, namespaceSelector or ipBlock; to allow every peer, drop the whole from/to list");
            yield break;
        }
        if (peer.IpBlock is not null && (peer.PodSelector is not null || peer.NamespaceSelector is not null))
        {
            yield return new(Severity.Error, path, "may not specify both ipBlock and another peer", "put ipBlock in a peer of its own");
        }
        if (peer.PodSelector is not null) foreach (var p in LabelSelectorValidator.Validate(peer.PodSelector, path.Field("podSelector"))) yield return p;
        if (peer.NamespaceSelector is not null) foreach (var p in LabelSelectorValidator.Validate(peer.NamespaceSelector, path.Field("namespaceSelector"))) yield return p;
        if (peer.IpBlock is not null) foreach (var p in IpBlock(peer.IpBlock, path.Field("ipBlock"))) yield return p;
    }

    private static IEnumerable<ValidationProblem> IpBlock(V1IPBlock block, FieldPath path)
    {
        if (string.IsNullOrEmpty(block.Cidr))
        {
            yield return new(Severity.Error, path.Field("cidr"), "cidr is required");
            yield break;
        }
        if (!Cidr.TryParse(block.Cidr, out var cidr, out var hostBits))
        {
            yield return new(Severity.Error, path.Field("cidr"), $"\"{block.Cidr}\" must be a valid CIDR", "write address/prefix, e.g. 10.0.0.0/16");
            yield break;
        }
        if (hostBits) yield return new(Severity.Warning, path.Field("cidr"), $"\"{block.Cidr}\" has host bits set; it means {cidr}", $"write {cidr}");
        var except = block.Except ?? [];
        for (var i = 0; i < except.Count; i++)
        {
            var p = path.Field("except").Index(i);
            if (except[i] is null) continue;
            if (!Cidr.TryParse(except[i], out var e, out _)) yield return new(Severity.Error, p, $"\"{except[i]}\" must be a valid CIDR");
            else if (!cidr.Contains(e) || e.PrefixLength <= cidr.PrefixLength) yield return new(Severity.Error, p, $"\"{except[i]}\" must be a strict subset of cidr {block.Cidr}", "an except must lie inside cidr and be smaller than it");
        }
    }
}
