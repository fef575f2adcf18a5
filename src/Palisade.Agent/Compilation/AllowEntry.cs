namespace Palisade.Agent.Compilation;

/// <summary>
/// One allowed (peer identity, protocol, ports) of an endpoint's policy. For ICMP the "ports" are the type in the high
/// byte and the code in the low byte — what <c>th sport</c> reads from an ICMP header — so type 8 is 2048-2303.
/// </summary>
public readonly record struct AllowEntry(uint Identity, byte Protocol, ushort From, ushort To)
{
    /// <summary>ICMP's protocol number.</summary>
    public const byte Icmp = 1;

    /// <summary>True for one port (a hashed set's element); false for a range (an interval set's).</summary>
    public bool IsSinglePort => From == To && Protocol != Icmp;
}
