using System.Text;

namespace Palisade.Observe.Kernel;

/// <summary>
/// One packet logged by an nftables <c>log group N</c> rule, as NFLOG delivered it. The spans point into the reader's
/// receive buffer and are valid only while the <see cref="NflogHandler"/> that got this event runs.
/// </summary>
public readonly ref struct NflogEvent
{
    /// <summary>The protocol family of the hook that logged it: 2 (IPv4), 10 (IPv6) or 7 (bridge).</summary>
    public byte Family { get; init; }

    /// <summary>The NFLOG group the rule logged to.</summary>
    public ushort Group { get; init; }

    /// <summary>The link-layer protocol (EtherType, e.g. 0x0800 for IPv4); 0 when the kernel did not say.</summary>
    public ushort HardwareProtocol { get; init; }

    /// <summary>The netfilter hook: 0 prerouting, 1 input, 2 forward, 3 output, 4 postrouting.</summary>
    public byte Hook { get; init; }

    /// <summary>The packet's mark (<c>meta mark</c>) when the rule logged it; 0 when unset.</summary>
    public uint Mark { get; init; }

    /// <summary>The input interface's index; 0 when there is none (e.g. output hook).</summary>
    public uint InputInterface { get; init; }

    /// <summary>The output interface's index; 0 when there is none (e.g. input hook).</summary>
    public uint OutputInterface { get; init; }

    /// <summary>The packet's kernel timestamp when it had one (<see cref="HasKernelTimestamp"/>), otherwise when its batch was received; UTC.</summary>
    public DateTime Timestamp { get; init; }

    /// <summary>Whether <see cref="Timestamp"/> came from the kernel (<c>NFULA_TIMESTAMP</c>).</summary>
    public bool HasKernelTimestamp { get; init; }

    /// <summary>The group's sequence number of this event when <see cref="NflogOptions.Sequence"/> is on (<see cref="HasSequence"/>).</summary>
    public uint Sequence { get; init; }

    /// <summary>Whether the event carried a sequence number.</summary>
    public bool HasSequence { get; init; }

    /// <summary>The rule's log prefix as bytes, without the terminating NUL; empty when the rule has none.</summary>
    public ReadOnlySpan<byte> Prefix { get; init; }

    /// <summary>The packet from its network header, cut at <see cref="NflogOptions.CopyRange"/> bytes.</summary>
    public ReadOnlySpan<byte> Payload { get; init; }

    /// <summary>
    /// The number after the prefix's last ':' (e.g. 123 for "pal:123"): how a rule identifies itself. False when
    /// there is no ':' or what follows is not all ASCII digits fitting a <see cref="uint"/>.
    /// </summary>
    public bool TryParsePrefixNumber(out uint number)
    {
        number = 0;
        var colon = Prefix.LastIndexOf((byte)':');
        var digits = Prefix[(colon + 1)..];
        if (colon < 0 || digits.IsEmpty || digits.Length > 10) return false;
        ulong value = 0;
        foreach (var b in digits)
        {
            if (b is < (byte)'0' or > (byte)'9') return false;
            value = (value * 10) + (ulong)(b - '0');
        }
        if (value > uint.MaxValue) return false;
        number = (uint)value;
        return true;
    }

    /// <summary>The prefix as a string (allocates; for logs and tests, not the hot path).</summary>
    public string PrefixText => Encoding.UTF8.GetString(Prefix);

    /// <summary>Parses the payload's IP and transport headers; false when it is not an IP packet.</summary>
    public bool TryParseHeaders(out PacketHeaders headers) => PacketHeaders.TryParse(Payload, out headers);
}
