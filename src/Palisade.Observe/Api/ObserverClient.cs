using System.Net.Security;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Security.Cryptography.X509Certificates;
using Grpc.Core;
using Grpc.Net.Client;

namespace Palisade.Observe.Api;

/// <summary>
/// A client of an Observer API (a node or a relay): over a Unix socket, or over TCP with mutual TLS
/// (a client certificate, and the server's checked against a private CA).
/// </summary>
internal sealed class ObserverClient : IDisposable
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(5);

    private readonly GrpcChannel channel;

    private ObserverClient(GrpcChannel channel, string address, bool tls)
    {
        this.channel = channel;
        Address = address;
        Tls = tls;
        Api = new Observer.ObserverClient(channel);
    }

    /// <summary>The generated gRPC client, for calls with options of the caller's own.</summary>
    public Observer.ObserverClient Api { get; }

    /// <summary>Where the client connects: <c>unix:///path</c> or the https address.</summary>
    public string Address { get; }

    /// <summary>Whether the connection uses TLS.</summary>
    public bool Tls { get; }

    /// <summary>A client of the API served on the Unix socket at <paramref name="path"/>.</summary>
    public static ObserverClient ForUnixSocket(string path)
    {
        var channel = GrpcChannel.ForAddress("http://localhost", new GrpcChannelOptions { HttpHandler = UnixSocketHandler(path) });
        return new ObserverClient(channel, "unix://" + path, tls: false);
    }

    /// <summary>An HTTP handler whose every connection goes to the Unix socket at <paramref name="path"/> (HTTP/2 there is prior knowledge).</summary>
    public static SocketsHttpHandler UnixSocketHandler(string path) =>
        new()
        {
            ConnectTimeout = ConnectTimeout,
            ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), cancellationToken).ConfigureAwait(false);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };

    /// <summary>
    /// A client of the API at <paramref name="address"/> (<c>https://host:port</c>) presenting
    /// <paramref name="clientCertificate"/>; the server's certificate must chain to <paramref name="serverCa"/> and
    /// name the address's host, or <paramref name="serverName"/> when given.
    /// </summary>
    public static ObserverClient ForTls(Uri address, X509Certificate2 clientCertificate, X509Certificate2 serverCa, string? serverName = null)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = ConnectTimeout,
            SslOptions = new SslClientAuthenticationOptions
            {
                ClientCertificates = [clientCertificate],
                RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                    CertificateChains.IsIssuedBy(certificate, serverCa, CertificateChains.ServerAuth)
                    && (serverName is null
                        ? (errors & SslPolicyErrors.RemoteCertificateNameMismatch) == 0
                        : certificate is X509Certificate2 server && server.MatchesHostname(serverName)),
            },
        };
        var channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions { HttpHandler = handler });
        return new ObserverClient(channel, address.ToString(), tls: true);
    }

    /// <summary>Streams the responses to <paramref name="request"/> until the server ends the call or the token is cancelled.</summary>
    public async IAsyncEnumerable<GetFlowsResponse> GetFlowsAsync(
        GetFlowsRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var call = Api.GetFlows(request, cancellationToken: cancellationToken);
        await foreach (var response in call.ResponseStream.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return response;
        }
    }

    /// <summary>The server's status; fails with DeadlineExceeded after <paramref name="timeout"/>.</summary>
    public async Task<ServerStatusResponse> ServerStatusAsync(TimeSpan timeout, CancellationToken cancellationToken = default) =>
        await Api.ServerStatusAsync(new ServerStatusRequest(), deadline: DateTime.UtcNow + timeout, cancellationToken: cancellationToken)
            .ConfigureAwait(false);

    /// <summary>The nodes the server knows; fails with DeadlineExceeded after <paramref name="timeout"/>.</summary>
    public async Task<GetNodesResponse> GetNodesAsync(TimeSpan timeout, CancellationToken cancellationToken = default) =>
        await Api.GetNodesAsync(new GetNodesRequest(), deadline: DateTime.UtcNow + timeout, cancellationToken: cancellationToken)
            .ConfigureAwait(false);

    /// <inheritdoc />
    public void Dispose() => channel.Dispose();
}
