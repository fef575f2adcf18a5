using System.Globalization;
using k8s.Models;

namespace Palisade.Testing.Oracle;

/// <summary>Matching of a connection's protocol and port against a rule's <c>ports</c> list.</summary>
public static class PortMatching
{
    /// <summary>
    /// True if some entry of <paramref name="ports"/> matches (null or empty = every port of every protocol).
    /// <paramref name="destination"/> is the connection's destination pod (null if it is not a pod); named
    /// ports resolve against its container ports.
    /// </summary>
    public static bool Matches(IList<V1NetworkPolicyPort>? ports, OraclePod? destination, string protocol, int port)
    {
        return ports is null || ports.Count == 0 || ports.Any(entry => Matches(entry, destination, protocol, port));
    }

    private static bool Matches(V1NetworkPolicyPort entry, OraclePod? destination, string protocol, int port)
    {
        var entryProtocol = entry.Protocol ?? "TCP";
        if (entryProtocol != protocol)
        {
            return false;
        }

        if (entry.Port is null)
        {
            return true;
        }

        if (int.TryParse(entry.Port.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var first))
        {
            return first <= port && port <= (entry.EndPort ?? first);
        }

        return destination is not null && destination.Ports.Any(named =>
            named.Name == entry.Port.Value && named.Protocol == entryProtocol && named.Port == port);
    }
}
