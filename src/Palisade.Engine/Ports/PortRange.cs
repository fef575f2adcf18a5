namespace Palisade.Engine.Ports;

/// <summary>An inclusive range of ports (or ICMP types) of one protocol.</summary>
public readonly record struct PortRange(Protocol Protocol, int From, int To)
{
    /// <summary>The lowest and highest port numbers a range can hold.</summary>
    public const int MinPort = 0, MaxPort = 65535;

    /// <summary>Every port of a protocol.</summary>
    public static PortRange All(Protocol p) => new(p, MinPort, MaxPort);

    /// <summary>True when this range covers every port of its protocol.</summary>
    public bool IsWhole => From == MinPort && To == MaxPort;
}
