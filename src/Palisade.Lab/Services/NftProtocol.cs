using Palisade.Lab.Model;

namespace Palisade.Lab.Services;

/// <summary>How nft spells a transport protocol (in <c>meta l4proto</c>, set elements and chain names).</summary>
internal static class NftProtocol
{
    /// <summary>"tcp", "udp" or "sctp".</summary>
    public static string Name(LabProtocol protocol) => protocol switch
    {
        LabProtocol.Tcp => "tcp",
        LabProtocol.Udp => "udp",
        LabProtocol.Sctp => "sctp",
        _ => throw new ArgumentOutOfRangeException(nameof(protocol), protocol, "unknown protocol"),
    };
}
