using Palisade.Engine.Ports;

namespace Palisade.Engine.Tests.Conformance;

/// <summary>A connection attempt's protocol and destination port, as the upstream probes make them.</summary>
internal readonly record struct Probe(Protocol Protocol, int Port)
{
    public static Probe Tcp80 => Tcp(80);

    public static Probe Tcp81 => Tcp(81);

    public static Probe Udp80 => Udp(80);

    public static Probe Udp81 => Udp(81);

    public static Probe Sctp80 => Sctp(80);

    public static Probe Sctp81 => Sctp(81);

    /// <summary>The six probes of the model: 80 and 81 on TCP, UDP and SCTP. Every scenario asserts all of them.</summary>
    public static IReadOnlyList<Probe> All { get; } = [Tcp80, Tcp81, Udp80, Udp81, Sctp80, Sctp81];

    public static Probe Tcp(int port) => new(Protocol.Tcp, port);

    public static Probe Udp(int port) => new(Protocol.Udp, port);

    public static Probe Sctp(int port) => new(Protocol.Sctp, port);

    /// <summary>The model's probes except <paramref name="excluded"/>.</summary>
    public static Probe[] AllBut(params Probe[] excluded) => [.. All.Except(excluded)];

    /// <inheritdoc/>
    public override string ToString() => $"{ProtocolNames.Name(Protocol)}/{Port}";
}
