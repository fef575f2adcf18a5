using System.Net;
using System.Net.Sockets;
using Palisade.Lab.Model;
using Palisade.Lab.Netns;

namespace Palisade.Lab.Workloads;

/// <summary>Opens a pod's listening sockets inside its network namespace, one per port, and says which ports it could not serve.</summary>
internal static class PortBinder
{
    private const int Backlog = 128;

    // SO_REUSEADDR alone, so that a pod re-added right after its removal can listen despite TIME_WAIT connections (.NET
    // sets it itself when binding TCP, not SCTP). Not .NET's ReuseAddress, which adds SO_REUSEPORT and would let a
    // second listener share the port; not for UDP, where SO_REUSEADDR alone would.
    private const int SolSocket = 1;
    private const int SoReuseAddr = 2;

    /// <summary>
    /// Binds 0.0.0.0:port in the pod's namespace for every port it listens on. A port that fails to bind (e.g. address
    /// in use) is in the status's Failed list, an SCTP port on a kernel without SCTP in its Skipped list.
    /// </summary>
    /// <exception cref="LabException">The pod's network namespace does not exist or cannot be entered.</exception>
    public static (IReadOnlyList<BoundSocket> Sockets, WorkloadStatus Status) Bind(WorkloadSpec spec)
    {
        if (!NetworkNamespace.Exists(spec.Netns))
        {
            throw new LabException($"pod {spec.Key}: network namespace {spec.Netns} does not exist; make the pod's namespace before starting its workload");
        }
        var hasSctp = KernelFeatures.HasSctp;
        var sockets = new List<BoundSocket>();
        var skipped = new List<PortProblem>();
        var failed = new List<PortProblem>();
        try
        {
            NetworkNamespace.Run(spec.Netns, () =>
            {
                foreach (var port in WorkloadImages.ListeningPorts(spec))
                {
                    if (port.Protocol == LabProtocol.Sctp && !hasSctp) skipped.Add(new PortProblem(port, KernelFeatures.SctpMissing));
                    else if (TryOpen(port, out var error) is { } socket) sockets.Add(new BoundSocket(port, socket));
                    else failed.Add(new PortProblem(port, error));
                }
            });
        }
        catch (IOException e)
        {
            foreach (var bound in sockets) bound.Socket.Dispose();
            throw new LabException($"pod {spec.Key}: {e.Message}", e);
        }
        return (sockets, new WorkloadStatus(spec.Key, [.. sockets.Select(s => s.Port)], skipped, failed));
    }

    /// <summary>A socket listening on 0.0.0.0:port (made in the calling thread's namespace), or null and why not.</summary>
    private static Socket? TryOpen(LabPort port, out string error)
    {
        var stream = port.Protocol != LabProtocol.Udp;
        Socket? socket = null;
        try
        {
            socket = port.Protocol switch
            {
                LabProtocol.Udp => new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp),
                LabProtocol.Sctp => new Socket(AddressFamily.InterNetwork, SocketType.Stream, KernelFeatures.SctpProtocol),
                _ => new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp),
            };
            if (stream) socket.SetRawSocketOption(SolSocket, SoReuseAddr, BitConverter.GetBytes(1));
            socket.Bind(new IPEndPoint(IPAddress.Any, port.Port));
            if (stream) socket.Listen(Backlog);
            error = "";
            return socket;
        }
        catch (SocketException e)
        {
            socket?.Dispose();
            error = $"cannot listen on 0.0.0.0:{port.Port}/{port.Protocol.ToString().ToUpperInvariant()}: {e.Message}";
            return null;
        }
    }
}
