using System.Globalization;
using System.Text;
using k8s.Models;
using Palisade.Testing.Oracle;

namespace Palisade.Testing.Generators;

/// <summary>
/// Writes a <see cref="CiliumOraclePolicy"/> as a CiliumNetworkPolicy YAML document, field for field, with block
/// style, double-quoted strings (so port numbers stay strings) and <c>[]</c>/<c>{}</c> for empty lists and maps.
/// </summary>
public static class CiliumYaml
{
    /// <summary>The policy as one YAML document (no "---"), ending in a newline.</summary>
    public static string Write(CiliumOraclePolicy policy)
    {
        var document = new Map
        {
            ("apiVersion", "cilium.io/v2"),
            ("kind", "CiliumNetworkPolicy"),
            ("metadata", new Map { ("name", policy.Name), ("namespace", policy.Namespace) }),
        };
        if (policy.AsSpecs) document.Add(("specs", policy.Rules.Select(Rule).Cast<object>().ToList()));
        else document.Add(("spec", Rule(policy.Rules[0])));
        var builder = new StringBuilder();
        WriteEntries(builder, document, 0, inlineFirst: false);
        return builder.ToString();
    }

    /// <summary>An ordered YAML mapping.</summary>
    private sealed class Map : List<(string Key, object Value)>;

    private static Map Rule(CiliumOracleRule rule)
    {
        var map = new Map { ("endpointSelector", Selector(rule.EndpointSelector)) };
        AddRules(map, "ingress", rule.Ingress, "from");
        AddRules(map, "ingressDeny", rule.IngressDeny, "from");
        AddRules(map, "egress", rule.Egress, "to");
        AddRules(map, "egressDeny", rule.EgressDeny, "to");
        if (rule.EnableDefaultDeny is { } defaultDeny)
        {
            var block = new Map();
            if (defaultDeny.Ingress is { } ingress) block.Add(("ingress", ingress));
            if (defaultDeny.Egress is { } egress) block.Add(("egress", egress));
            map.Add(("enableDefaultDeny", block));
        }

        return map;
    }

    private static void AddRules(Map map, string name, IReadOnlyList<CiliumOraclePeerRule>? rules, string prefix)
    {
        if (rules is not null) map.Add((name, rules.Select(rule => (object)PeerRule(rule, prefix)).ToList()));
    }

    private static Map PeerRule(CiliumOraclePeerRule rule, string prefix)
    {
        var map = new Map();
        if (rule.Endpoints is { } endpoints) map.Add((prefix + "Endpoints", endpoints.Select(e => (object)Selector(e)).ToList()));
        if (rule.Entities is { } entities) map.Add((prefix + "Entities", entities.Cast<object>().ToList()));
        if (rule.Cidrs is { } cidrs) map.Add((prefix + "CIDR", cidrs.Cast<object>().ToList()));
        if (rule.CidrSets is { } sets)
        {
            map.Add((prefix + "CIDRSet", sets.Select(set =>
            {
                var entry = new Map { ("cidr", set.Cidr) };
                if (set.Except.Count > 0) entry.Add(("except", set.Except.Cast<object>().ToList()));
                return (object)entry;
            }).ToList()));
        }

        if (rule.ToPorts is { } toPorts)
        {
            map.Add(("toPorts", toPorts.Select(portRule => (object)new Map
            {
                ("ports", portRule.Ports.Select(port => (object)Port(port)).ToList()),
            }).ToList()));
        }

        return map;
    }

    private static Map Port(CiliumOraclePort port)
    {
        var map = new Map { ("port", port.Port) };
        if (port.EndPort is { } end) map.Add(("endPort", end));
        if (port.Protocol is { } protocol) map.Add(("protocol", protocol));
        return map;
    }

    private static Map Selector(V1LabelSelector selector)
    {
        var map = new Map();
        if (selector.MatchLabels is { Count: > 0 } labels)
        {
            var pairs = new Map();
            pairs.AddRange(labels.Select(pair => (pair.Key, (object)pair.Value)));
            map.Add(("matchLabels", pairs));
        }

        if (selector.MatchExpressions is { Count: > 0 } expressions)
        {
            map.Add(("matchExpressions", expressions.Select(requirement =>
            {
                var entry = new Map { ("key", requirement.Key), ("operator", requirement.OperatorProperty) };
                if (requirement.Values is { } values) entry.Add(("values", values.Cast<object>().ToList()));
                return (object)entry;
            }).ToList()));
        }

        return map;
    }

    private static void WriteEntries(StringBuilder builder, Map map, int indent, bool inlineFirst)
    {
        var first = true;
        foreach (var (key, value) in map)
        {
            if (!(first && inlineFirst)) builder.Append(' ', indent);
            first = false;
            builder.Append(Scalar(key)).Append(':');
            WriteValue(builder, value, indent);
        }
    }

    /// <summary>Writes what follows "key:" (block lists sit at the key's indentation, Kubernetes style).</summary>
    private static void WriteValue(StringBuilder builder, object value, int indent)
    {
        switch (value)
        {
            case Map { Count: 0 }:
                builder.Append(" {}\n");
                break;
            case Map map:
                builder.Append('\n');
                WriteEntries(builder, map, indent + 2, inlineFirst: false);
                break;
            case List<object> { Count: 0 }:
                builder.Append(" []\n");
                break;
            case List<object> list:
                builder.Append('\n');
                foreach (var item in list)
                {
                    builder.Append(' ', indent).Append("- ");
                    if (item is Map { Count: > 0 } entry) WriteEntries(builder, entry, indent + 2, inlineFirst: true);
                    else if (item is Map) builder.Append("{}\n");
                    else builder.Append(Scalar(item)).Append('\n');
                }

                break;
            default:
                builder.Append(' ').Append(Scalar(value)).Append('\n');
                break;
        }
    }

    /// <summary>Plain for simple identifiers, double-quoted otherwise (numbers as text stay text).</summary>
    private static string Scalar(object value) => value switch
    {
        bool b => b ? "true" : "false",
        int i => i.ToString(CultureInfo.InvariantCulture),
        string s when s.Length > 0 && char.IsAsciiLetter(s[0]) && s.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.')
            && s is not ("true" or "false" or "null" or "yes" or "no" or "on" or "off" or "y" or "n") => s,
        string s => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"",
        _ => throw new ArgumentException($"cannot write {value.GetType().Name} as YAML", nameof(value)),
    };
}
