using System.Globalization;
using Google.Protobuf.WellKnownTypes;

namespace Palisade.Observe.Flows;

/// <summary>The pieces of a flow's text form, as Hubble's printer makes them, plus Palisade's policy explanation.</summary>
internal static class FlowText
{
    /// <summary>Hubble's time.StampMilli in UTC (<c>Nov  3 18:01:02.123</c>), or N/A.</summary>
    public static string Time(Timestamp? time)
    {
        if (time is null)
        {
            return "N/A";
        }
        var t = time.ToDateTime();
        return string.Create(CultureInfo.InvariantCulture, $"{t:MMM} {t.Day,2} {t:HH:mm:ss.fff}");
    }

    /// <summary>
    /// The source or destination as <c>namespace/pod:port</c>; without a pod, its DNS names, else its IP;
    /// the port only when the flow has one (IPv6 addresses in brackets).
    /// </summary>
    public static string Host(Flow flow, bool source)
    {
        var ep = source ? flow.Source : flow.Destination;
        var names = source ? flow.SourceNames : flow.DestinationNames;
        var host = (source ? flow.IP?.Source : flow.IP?.Destination) ?? "";
        if (ep is { PodName.Length: > 0 })
        {
            host = ep.Namespace.Length == 0 ? ep.PodName : $"{ep.Namespace}/{ep.PodName}";
        }
        else if (names.Count > 0)
        {
            host = string.Join(',', names);
        }
        var port = source ? FlowPorts.Source(flow) : FlowPorts.Destination(flow);
        if (port is null or 0)
        {
            return host;
        }
        return host.Contains(':', StringComparison.Ordinal) ? $"[{host}]:{port}" : $"{host}:{port}";
    }

    /// <summary>The endpoint's identity: <c>(world)</c> for a reserved one, else <c>(ID:1234)</c>.</summary>
    public static string Identity(Endpoint? endpoint)
    {
        var id = endpoint?.Identity ?? 0;
        return ReservedIdentities.NameOf(id) is { } name ? $"({name})" : $"(ID:{id})";
    }

    /// <summary>Hubble's flow type: the trace point, the drop reason, <c>policy-verdict:L3-L4 EGRESS</c>, <c>http-request</c>.</summary>
    public static string Type(Flow flow)
    {
        if (flow.L7 is { } l7)
        {
            var kind = l7.Type.ToString().ToLowerInvariant();
            return l7.RecordCase switch
            {
                Layer7.RecordOneofCase.Http => "http-" + kind,
                Layer7.RecordOneofCase.Dns => $"dns-{kind} {l7.Dns.ObservationSource}".TrimEnd(),
                _ => "l7-" + kind,
            };
        }
        return flow.EventType?.Type switch
        {
            MonitorEvents.Trace => MonitorEvents.TraceSubTypeName(flow.EventType.SubType),
            MonitorEvents.Drop => DropReasonText(flow.DropReasonDesc),
            MonitorEvents.PolicyVerdict =>
                $"policy-verdict:{MonitorEvents.PolicyMatchName(flow.PolicyMatchType)} {EnumName(flow.TrafficDirection)}",
            _ => "UNKNOWN",
        };
    }

    /// <summary>The verdict; on a policy verdict ALLOWED, DENIED or AUDITED as Hubble prints it.</summary>
    public static string Verdict(Flow flow)
    {
        var policyVerdict = flow.EventType?.Type == MonitorEvents.PolicyVerdict;
        return flow.Verdict switch
        {
            Flows.Verdict.Forwarded or Flows.Verdict.Redirected when policyVerdict => "ALLOWED",
            Flows.Verdict.Dropped or Flows.Verdict.Error when policyVerdict => "DENIED",
            Flows.Verdict.Audit when policyVerdict => "AUDITED",
            _ => EnumName(flow.Verdict),
        };
    }

    /// <summary>
    /// Which policies decided, for the flow's direction: <c>by ns/allow-web</c> when allowed,
    /// <c>(denied by CiliumNetworkPolicy ns/deny rule 0)</c>, or <c>(default deny: isolated by ns/deny-all)</c>, an audit as
    /// <c>(would be default deny: isolated by ns/deny-all; let through)</c>; empty when none is named.
    /// </summary>
    public static string Policies(Flow flow)
    {
        var egress = flow.TrafficDirection != TrafficDirection.Ingress;
        var ingress = flow.TrafficDirection != TrafficDirection.Egress;
        IEnumerable<Policy> Pick(IEnumerable<Policy> e, IEnumerable<Policy> i) => (egress ? e : []).Concat(ingress ? i : []);
        if (flow.Verdict is Flows.Verdict.Dropped or Flows.Verdict.Error or Flows.Verdict.Audit)
        {
            // An audit names the drop it would be, and says it was let through.
            var would = flow.Verdict == Flows.Verdict.Audit ? "would be " : "";
            var through = flow.Verdict == Flows.Verdict.Audit ? "; let through" : "";
            var denied = Pick(flow.EgressDeniedBy, flow.IngressDeniedBy).ToList();
            if (denied.Count > 0)
            {
                return $"({would}denied by {string.Join(", ", denied.Select(DenyingRule))}{through})";
            }
            var isolated = Pick(flow.EgressIsolatedBy, flow.IngressIsolatedBy).ToList();
            return isolated.Count > 0 ? $"({would}default deny: isolated by {string.Join(", ", isolated.Select(Name))}{through})" : "";
        }
        var allowed = Pick(flow.EgressAllowedBy, flow.IngressAllowedBy).ToList();
        return allowed.Count > 0 ? "by " + string.Join(", ", allowed.Select(Name)) : "";
    }

    /// <summary>The flow's summary: its Summary field, else the L4 protocol and TCP flags (<c>TCP SYN, ACK</c>), ICMP type, or L7 request.</summary>
    public static string Summary(Flow flow) => flow.Summary.Length > 0 ? flow.Summary : FlowSummary.Of(flow);

    /// <summary>A policy's <c>namespace/name</c>, or its name when it has no namespace.</summary>
    public static string Name(Policy p) => p.Namespace.Length == 0 ? p.Name : $"{p.Namespace}/{p.Name}";

    /// <summary>The name protobuf gives an enum value of flow.proto (<c>EGRESS</c>, <c>POLICY_DENIED</c>), or its number.</summary>
    public static string EnumName<T>(T value)
        where T : struct, System.Enum
    {
        var number = Convert.ToInt32(value, CultureInfo.InvariantCulture);
        var type = FlowReflection.Descriptor.FindTypeByName<Google.Protobuf.Reflection.EnumDescriptor>(typeof(T).Name);
        return type?.FindValueByNumber(number)?.Name ?? number.ToString(CultureInfo.InvariantCulture);
    }

    private static string DenyingRule(Policy p)
    {
        var text = p.Kind.Length > 0 ? $"{p.Kind} {Name(p)}" : Name(p);
        if (p.HasRuleIndex && p.RuleIndex >= 0)
        {
            text += $" rule {p.RuleIndex}";
        }
        return p.Rule.Length > 0 ? $"{text} ({p.Rule})" : text;
    }

    private static string DropReasonText(DropReason reason) => reason switch
    {
        DropReason.PolicyDenied => "Policy denied",
        DropReason.PolicyDeny => "Policy denied by denylist",
        DropReason.NoConfigurationAvailableToPerformPolicyDecision => "No configuration available to perform policy decision",
        _ => EnumName(reason),
    };
}
