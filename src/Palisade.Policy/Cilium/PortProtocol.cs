using System.Globalization;
using k8s.Models;

namespace Palisade.Policy.Cilium;

/// <summary>
/// A port: a number (0 = every port) or a named port, an optional range end, and a protocol. Cilium's <c>port</c>
/// is a string, and unlike Kubernetes a numeric string is a number: <c>"80"</c> and <c>80</c> mean the same.
/// </summary>
public sealed record PortProtocol
{
    /// <summary>The port as written: a number, a numeric string or a name.</summary>
    public IntOrString? Port { get; init; }

    /// <summary>The last port of a range; 0 or unset means no range (Go's zero value).</summary>
    public int? EndPort { get; init; }

    /// <summary><c>TCP</c>, <c>UDP</c>, <c>SCTP</c> or <c>ANY</c>; empty means ANY.</summary>
    public string? Protocol { get; init; }

    /// <summary>The port number (0–65535) when the port is numeric, whether written as a number or a string.</summary>
    public int? PortNumber =>
        Port?.Value is { Length: > 0 and <= 5 } text && text.All(char.IsAsciiDigit) && int.Parse(text, CultureInfo.InvariantCulture) is var n && n <= 65535
            ? n
            : null;

    /// <summary>The port name, lower-cased as Cilium compares names, when the port is not numeric.</summary>
    public string? PortName =>
        Port?.Value is { Length: > 0 } text && !text.All(char.IsAsciiDigit) ? text.ToLowerInvariant() : null;

    /// <summary>The range end when it is a real range (set and not 0).</summary>
    public int? RangeEnd => EndPort is > 0 ? EndPort : null;

    /// <summary>The protocol as Cilium reads it: <c>ANY</c> when omitted or empty.</summary>
    public string EffectiveProtocol => string.IsNullOrEmpty(Protocol) ? "ANY" : Protocol;
}
