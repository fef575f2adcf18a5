using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Palisade.Lab.Model;
using Palisade.Lab.Tls;

namespace Palisade.Lab.Workloads;

/// <summary>
/// The served workload of one pod: its listening sockets, an accept loop per TCP (or SCTP) port, a reply loop per UDP
/// port, and its open connections, all closed together by <see cref="DisposeAsync"/>.
/// </summary>
internal sealed class PodWorkload : IAsyncDisposable
{
    private const int DatagramSize = 2048;
    private static readonly TimeSpan AcceptRetry = TimeSpan.FromMilliseconds(100);
    private readonly IReadOnlyList<BoundSocket> sockets;
    private readonly HashSet<Socket> connections = [];
    private readonly List<Task> loops = [];
    private readonly X509Certificate2? certificate;
    private bool disposed;

    private PodWorkload(WorkloadSpec spec, WorkloadStatus status, IReadOnlyList<BoundSocket> sockets, X509Certificate2? certificate, WorkloadTimeouts timeouts)
    {
        Spec = spec;
        Status = status;
        Timeouts = timeouts;
        this.sockets = sockets;
        this.certificate = certificate;
        var kind = WorkloadImages.KindOf(spec);
        Responder = new WorkloadResponder(kind, spec.PodName, spec.TlsNames is { Count: > 0 } names ? names[0] : null);
        Greeting = Encoding.UTF8.GetBytes(spec.PodName + "\n");
        Tls = certificate is null ? null : SslStreamCertificateContext.Create(certificate, additionalCertificates: null, offline: true);
    }

    /// <summary>What this workload was started for.</summary>
    public WorkloadSpec Spec { get; }

    /// <summary>The ports served, skipped and failed.</summary>
    public WorkloadStatus Status { get; }

    /// <summary>The HTTP answers of this pod.</summary>
    public WorkloadResponder Responder { get; }

    /// <summary>The raw greeting and UDP reply: the pod name and a newline.</summary>
    public ReadOnlyMemory<byte> Greeting { get; }

    /// <summary>The certificate for HTTPS (world hosts only).</summary>
    public SslStreamCertificateContext? Tls { get; }

    /// <summary>How long connections may stay silent.</summary>
    public WorkloadTimeouts Timeouts { get; }

    /// <summary>Binds the pod's ports in its namespace and starts serving them.</summary>
    /// <exception cref="LabException">The namespace is missing, or a world host has no CA to get a certificate from.</exception>
    public static PodWorkload Start(WorkloadSpec spec, LabCertificateAuthority? authority, WorkloadTimeouts timeouts)
    {
        var certificate = spec.TlsNames is { Count: > 0 } names ? IssueCertificate(spec.Key, names, authority) : null;
        var (sockets, status) = PortBinder.Bind(spec);
        var pod = new PodWorkload(spec, status, sockets, certificate, timeouts);
        foreach (var bound in sockets)
        {
            pod.loops.Add(bound.Port.Protocol == LabProtocol.Udp ? pod.AnswerDatagramsAsync(bound.Socket) : pod.AcceptAsync(bound.Socket));
        }
        return pod;
    }

    /// <summary>Closes the listening sockets and every open connection, and waits for the loops to end.</summary>
    public async ValueTask DisposeAsync()
    {
        Socket[] open;
        lock (connections)
        {
            if (disposed) return;
            disposed = true;
            open = [.. connections];
            connections.Clear();
        }
        foreach (var bound in sockets) bound.Socket.Dispose();
        foreach (var connection in open) connection.Dispose();
        await Task.WhenAll(loops).ConfigureAwait(false);
        certificate?.Dispose();
    }

    private static X509Certificate2 IssueCertificate(string key, IReadOnlyList<string> names, LabCertificateAuthority? authority) =>
        authority?.IssueServer(names)
        ?? throw new LabException($"world host {key} serves HTTPS but the workload host has no lab CA; start it with a CA directory");

    private async Task AcceptAsync(Socket listener)
    {
        while (true)
        {
            Socket client;
            try
            {
                client = await listener.AcceptAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is ObjectDisposedException || (e is SocketException && Volatile.Read(ref disposed)))
            {
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(AcceptRetry).ConfigureAwait(false);   // e.g. out of file descriptors: try again shortly
                continue;
            }
            if (Track(client)) _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(Socket client)
    {
        await TcpConnection.ServeAsync(client, this).ConfigureAwait(false);
        lock (connections) connections.Remove(client);
    }

    /// <summary>Registers an accepted connection so that disposal closes it; false (and closed) when the pod is already gone.</summary>
    private bool Track(Socket client)
    {
        lock (connections)
        {
            if (!disposed) return connections.Add(client);
        }
        client.Dispose();
        return false;
    }

    private async Task AnswerDatagramsAsync(Socket socket)
    {
        var datagram = new byte[DatagramSize];
        EndPoint anyone = new IPEndPoint(IPAddress.Any, 0);
        while (true)
        {
            try
            {
                var received = await socket.ReceiveFromAsync(datagram, SocketFlags.None, anyone).ConfigureAwait(false);
                await socket.SendToAsync(Greeting, SocketFlags.None, received.RemoteEndPoint).ConfigureAwait(false);
            }
            catch (Exception e) when (e is ObjectDisposedException || (e is SocketException && Volatile.Read(ref disposed)))
            {
                return;
            }
            catch (SocketException)
            {
                // An oversized datagram or an ICMP error left by an earlier reply: keep answering.
            }
        }
    }
}
