namespace Palisade.Agent.Compilation;

/// <summary>
/// One (peer identity, protocol, ports) of an identity's policy chain and the verdict the engine gives it, by number
/// (<see cref="VerdictNumbering"/>). For ICMP the "ports" are the type in the high byte and the code in the low byte —
/// what <c>th sport</c> reads from an ICMP header — so type 8 is 2048-2303.
/// </summary>
public readonly record struct PolicyEntry(uint Identity, byte Protocol, ushort From, ushort To, uint Verdict)
{
    /// <summary>ICMP's protocol number.</summary>
    public const byte Icmp = 1;

    /// <summary>True for one port (a hashed map's element); false for a range (an interval map's).</summary>
    public bool IsSinglePort => From == To && Protocol != Icmp;
}
