using Palisade.Observe.Kernel;

namespace Palisade.Observe.Tests.Kernel;

/// <summary>What a test keeps of an <see cref="NflogEvent"/> (whose spans die with the handler call).</summary>
internal sealed record LoggedPacket(
    string Prefix,
    uint? RuleNumber,
    byte Family,
    ushort Group,
    byte Hook,
    uint Mark,
    uint InputInterface,
    uint OutputInterface,
    uint? Sequence,
    PacketHeaders? Headers)
{
    /// <summary>Copies the event's fields.</summary>
    public static LoggedPacket From(in NflogEvent e) => new(
        e.PrefixText,
        e.TryParsePrefixNumber(out var n) ? n : null,
        e.Family,
        e.Group,
        e.Hook,
        e.Mark,
        e.InputInterface,
        e.OutputInterface,
        e.HasSequence ? e.Sequence : null,
        e.TryParseHeaders(out var h) ? h : null);
}
