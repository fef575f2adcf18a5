using Palisade.Policy.Binding;
using Palisade.Policy.Validation;
using Palisade.Policy.Yaml;

namespace Palisade.Policy.Cilium;

/// <summary>
/// <c>toPorts</c> of allow and deny rules and their ports (<c>rule_validation.go</c> <c>PortRule.Validate</c>,
/// <c>PortProtocol.Validate</c>).
/// </summary>
internal static class CiliumPortValidator
{
    private const int MaxPorts = 40;

    private static readonly string[] Protocols = ["TCP", "UDP", "SCTP", "ANY"];

    private static readonly string[] ExtendedProtocols = ["VRRP", "IGMP", "GRE", "IPIP", "IPV6", "ESP", "AH"];

    /// <summary>Where a port rule sits, which decides what L7 it may have.</summary>
    public readonly record struct Place(bool Ingress, bool HostPolicy);

    /// <summary>Checks one entry of an allow rule's <c>toPorts</c>.</summary>
    public static void Validate(PortRule rule, FieldPath path, Place place, ProblemList problems)
    {
        var rules = rule.Rules;
        var hasDns = rules?.Dns is { Count: > 0 };
        var hasL7 = hasDns || rules?.Http is { Count: > 0 };
        var zero = Ports(rule.Ports, path.Field("ports"), hasDns, problems);
        if (hasL7) CheckL7Protocols(rule.Ports, path.Field("ports"), hasDns, problems);
        if (hasL7 && zero) problems.Error(path.Field("rules"), "L7 rules can not be used when a port is 0", "list the ports the L7 rules apply to");
        if (rules is not null) CiliumL7Validator.Validate(rules, rule.Ports?.Count ?? 0, path.Field("rules"), place, problems);
        Unsupported(rule, path, problems);
    }

    /// <summary>Checks one entry of a deny rule's <c>toPorts</c>.</summary>
    public static void Validate(PortDenyRule rule, FieldPath path, ProblemList problems) => Ports(rule.Ports, path.Field("ports"), false, problems);

    /// <summary>Checks the ports of a port rule; true when one of them is port 0.</summary>
    private static bool Ports(IReadOnlyList<PortProtocol?>? ports, FieldPath path, bool hasDns, ProblemList problems)
    {
        if (ports is { Count: > MaxPorts }) problems.Error(path, $"too many ports ({ports.Count}); the max is {MaxPorts}", "split them over several toPorts entries");
        var zero = false;
        problems.Each(ports, path, (p, at, ps) => zero |= Port(p, at, hasDns, ps));
        return zero;
    }

    /// <summary>Checks one port; true when it is port 0 (every port).</summary>
    private static bool Port(PortProtocol port, FieldPath path, bool hasDns, ProblemList problems)
    {
        Protocol(port.Protocol, path.Field("protocol"), problems);
        var text = port.Port?.Value;
        if (string.IsNullOrEmpty(text))
        {
            // An extended protocol has no ports; it is already reported as unsupported.
            if (port.Protocol is not null && ExtendedProtocols.Contains(port.Protocol)) return false;
            problems.Error(text is null ? path : path.Field("port"), "port must be specified", "give a port number (0 for every port) or a port name");
            return false;
        }
        if (port.PortNumber is { } number) NumericRange(port, number, path, hasDns, problems);
        else if (port.PortName is null || KubernetesNames.CheckPortName(port.PortName) is not null) InvalidPort(text, path.Field("port"), problems);
        else if (port.RangeEnd is not null) problems.Error(path.Field("endPort"), "endPort may only be used with a numeric port", "use a numeric port with endPort, or drop endPort");
        EndPortBounds(port.EndPort, path.Field("endPort"), problems);
        return port.PortNumber == 0;
    }

    private static void NumericRange(PortProtocol port, int number, FieldPath path, bool hasDns, ProblemList problems)
    {
        if (port.RangeEnd is not { } end) return;
        if (end < number) problems.Error(path.Field("endPort"), $"endPort {end} must be greater than or equal to port {number}");
        else if (hasDns && end > number) problems.Error(path.Field("endPort"), "DNS rules do not support port ranges", "give port 53 without endPort");
    }

    private static void EndPortBounds(int? endPort, FieldPath path, ProblemList problems)
    {
        if (endPort is < 0 or > 65535) problems.Error(path, $"endPort {endPort} must be between 0 and 65535, inclusive");
    }

    private static void InvalidPort(string text, FieldPath path, ProblemList problems)
    {
        if (text.All(char.IsAsciiDigit))
        {
            problems.Error(path, $"port {text} must be between 0 and 65535, inclusive");
            return;
        }
        var reason = KubernetesNames.CheckPortName(text.ToLowerInvariant()) ?? "not a port name";
        var hint = text.Contains('-', StringComparison.Ordinal) && text.Split('-').All(p => p.Length > 0 && p.All(char.IsAsciiDigit))
            ? "for a range write the first port in port and the last in endPort"
            : "give a number 0-65535 or a port name such as http";
        problems.Error(path, $"invalid port \"{text}\": not a number and not a valid port name ({reason})", hint);
    }

    private static void Protocol(string? protocol, FieldPath path, ProblemList problems)
    {
        if (string.IsNullOrEmpty(protocol) || Protocols.Contains(protocol)) return;
        if (ExtendedProtocols.Contains(protocol))
        {
            problems.Error(path, $"protocol {protocol} needs --enable-extended-ip-protocols, not supported by Palisade", "Palisade matches TCP, UDP and SCTP ports");
            return;
        }
        var hint = protocol.StartsWith("ICMP", StringComparison.OrdinalIgnoreCase) ? "match ICMP with icmps: [{fields: [{family: IPv4, type: EchoRequest}]}] in a rule of its own"
            : Suggest.Closest(protocol, Protocols) is { } s ? $"did you mean \"{s}\"? (protocols are upper case)"
            : "use TCP, UDP, SCTP or ANY";
        problems.Error(path, $"unsupported protocol \"{protocol}\"", hint);
    }

    private static void CheckL7Protocols(IReadOnlyList<PortProtocol?>? ports, FieldPath path, bool hasDns, ProblemList problems)
    {
        for (var i = 0; i < (ports?.Count ?? 0); i++)
        {
            if (ports![i] is not { } port) continue;
            var at = port.Protocol is null ? path.Index(i) : path.Index(i).Field("protocol");
            if (!hasDns && port.EffectiveProtocol != "TCP")
            {
                problems.Error(at, $"L7 rules can only apply to TCP (not {port.EffectiveProtocol}) except for DNS rules", "set protocol: TCP");
            }
            else if (hasDns && port.EffectiveProtocol == "SCTP")
            {
                problems.Error(at, "DNS rules apply to UDP, TCP or ANY, not SCTP", "set protocol: ANY to cover DNS over UDP and TCP");
            }
        }
    }

    private static void Unsupported(PortRule rule, FieldPath path, ProblemList problems)
    {
        const string Proxy = "it does not model the L7 proxy's TLS handling";
        if (rule.TerminatingTls is not null) problems.Unsupported(path.Field("terminatingTLS"), "terminatingTLS", Proxy);
        if (rule.OriginatingTls is not null) problems.Unsupported(path.Field("originatingTLS"), "originatingTLS", Proxy);
        if (rule.ServerNames is not null) problems.Unsupported(path.Field("serverNames"), "serverNames (TLS SNI matching)", Proxy);
        if (rule.Listener is not null)
        {
            problems.Unsupported(path.Field("listener"), "listener", "custom Envoy listeners (CiliumEnvoyConfig) are not modelled");
        }
    }
}
