using System.Net.Sockets;

namespace Palisade.Lab.Netns;

/// <summary>What this machine's kernel offers the lab, probed once.</summary>
public static class KernelFeatures
{
    private const ProtocolType Sctp = (ProtocolType)132;

    private static readonly Lazy<bool> SctpProbe = new(() =>
    {
        try
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, Sctp);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    });

    /// <summary>True when the kernel can open SCTP sockets (many kernels build SCTP as a module, or not at all).</summary>
    public static bool HasSctp => SctpProbe.Value;

    /// <summary>The IP protocol number of SCTP, for sockets made with <see cref="Socket"/>.</summary>
    public static ProtocolType SctpProtocol => Sctp;

    /// <summary>The message the lab prints when a pod declares an SCTP port and the kernel cannot serve it.</summary>
    public const string SctpMissing = "this kernel has no SCTP (socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP) fails with EPROTONOSUPPORT); SCTP ports are not served";
}
