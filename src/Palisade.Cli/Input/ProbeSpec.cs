using Palisade.Engine.Ports;
using Palisade.Policy.Errors;

namespace Palisade.Cli.Input;

/// <summary>
/// A port to probe, written <c>80/TCP</c> (the protocol defaults to TCP); for a trace also an ICMP type, written
/// <c>8/ICMP</c> or <c>128/ICMPv6</c>.
/// </summary>
internal readonly record struct ProbeSpec(int Port, Protocol Protocol)
{
    public static ProbeSpec Parse(string text, bool allowIcmp = false)
    {
        var parts = text.Split('/');
        var protocolText = parts.Length == 2 ? parts[1] : "TCP";
        if (allowIcmp && ProtocolNames.TryParse(protocolText, out var icmp) && icmp is Protocol.Icmp or Protocol.IcmpV6)
        {
            if (parts.Length > 2 || !int.TryParse(parts[0], out var type) || type is < 0 or > 255)
            {
                throw new InputException($"\"{text}\" is not an ICMP type: write TYPE/ICMP or TYPE/ICMPv6, e.g. 8/ICMP (echo request; type 0-255)");
            }
            return new ProbeSpec(type, icmp);
        }
        if (parts.Length > 2 || !int.TryParse(parts[0], out var port) || port is < 1 or > 65535)
        {
            throw new InputException($"\"{text}\" is not a port: write PORT/PROTOCOL, e.g. 80/TCP or 53/UDP (port 1-65535)");
        }
        if (!ProtocolNames.TryParse(protocolText, out var protocol) || protocol is not (Protocol.Tcp or Protocol.Udp or Protocol.Sctp))
        {
            throw new InputException($"\"{protocolText}\" in \"{text}\" is not a protocol: use TCP, UDP or SCTP{(allowIcmp ? " (or TYPE/ICMP, TYPE/ICMPv6)" : "")}");
        }
        return new ProbeSpec(port, protocol);
    }

    public string ProtocolName => ProtocolNames.Name(Protocol);

    public override string ToString() => $"{Port}/{ProtocolName}";
}
