using System.Net;
using Palisade.Lab;
using Palisade.Lab.Topology;

namespace Palisade.Cli.Commands.Lab;

/// <summary>Parses <c>--external-hosts api.twitter.com,help.twitter.com=203.0.113.20</c>.</summary>
internal static class ExternalHostsOption
{
    public static IReadOnlyList<ExternalHostSpec> Parse(IEnumerable<string> values)
    {
        var result = new List<ExternalHostSpec>();
        foreach (var item in values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            var parts = item.Split('=', 2);
            var name = parts[0].TrimEnd('.').ToLowerInvariant();
            if (!Uri.CheckHostName(name).Equals(UriHostNameType.Dns) || !name.Contains('.', StringComparison.Ordinal))
            {
                throw new LabException($"--external-hosts {item}: \"{name}\" is not a DNS name with a domain (e.g. api.twitter.com)");
            }
            IPAddress? address = null;
            if (parts.Length == 2 && !IPAddress.TryParse(parts[1], out address))
            {
                throw new LabException($"--external-hosts {item}: \"{parts[1]}\" is not an IPv4 address");
            }
            if (result.Any(r => r.Name == name)) throw new LabException($"--external-hosts: {name} is given twice");
            result.Add(new ExternalHostSpec(name, address));
        }
        return result;
    }
}
