using System.Globalization;
using Palisade.Lab.Model;

namespace Palisade.Lab.Connectivity;

/// <summary>A port a connectivity test probes, e.g. 80/TCP.</summary>
public sealed record ConnectivityProbe(LabProtocol Protocol, int Port)
{
    /// <summary>Parses "80", "80/TCP", "53/udp"; throws a <see cref="LabException"/> saying what is expected.</summary>
    public static ConnectivityProbe Parse(string text)
    {
        var parts = text.Split('/', 2);
        var protocol = parts.Length == 2 ? parts[1].ToUpperInvariant() : "TCP";
        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535 || protocol is not ("TCP" or "UDP" or "SCTP"))
        {
            throw new LabException($"--probe {text}: use PORT/PROTOCOL with a port from 1 to 65535 and TCP, UDP or SCTP (e.g. 80/TCP)");
        }
        return new ConnectivityProbe(State.PodSpecView.Protocol(protocol), port);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Port}/{Protocol.ToString().ToUpperInvariant()}";
}
