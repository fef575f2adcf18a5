namespace Palisade.Lab.Model;

/// <summary>A transport protocol of a container port or service port.</summary>
public enum LabProtocol
{
    /// <summary>TCP.</summary>
    Tcp,

    /// <summary>UDP.</summary>
    Udp,

    /// <summary>SCTP (only when the kernel has it; see <see cref="Netns.KernelFeatures"/>).</summary>
    Sctp,
}
