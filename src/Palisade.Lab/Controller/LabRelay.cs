using System.Net;
using Palisade.Lab.Tls;
using Palisade.Lab.Topology;
using Palisade.Observe.Api;

namespace Palisade.Lab.Controller;

/// <summary>
/// The lab's relay, served by the controller on <see cref="LabPaths.Relay"/>: the Observer API over every node's
/// agent (their <see cref="LabPaths.Observer"/> sockets), as Hubble Relay aggregates its agents. A node whose agent is
/// down is reported unavailable while the others are served. Local only: a Unix socket in the lab's directory.
/// </summary>
internal sealed class LabRelay : IAsyncDisposable
{
    private static readonly TimeSpan NodeTimeout = TimeSpan.FromSeconds(3);
    private readonly ObserverServer server;
    private readonly List<ObserverClient> clients;

    private LabRelay(ObserverServer server, List<ObserverClient> clients) => (this.server, this.clients) = (server, clients);

    /// <summary>The client certificate's file name (without extension) in the lab CA's directory.</summary>
    public const string ClientCertificate = "observer-client";

    /// <summary>Starts the relay over the nodes of <paramref name="config"/>.</summary>
    /// <exception cref="IOException">A socket cannot be bound.</exception>
    public static async Task<LabRelay> StartAsync(LabPaths paths, LabConfig config, CancellationToken ct = default)
    {
        var nodes = config.NodeNames;
        var clients = nodes.Select(n => ObserverClient.ForUnixSocket(paths.Observer(n))).ToList();
        try
        {
            var relay = new ObserverRelay([.. nodes.Select((n, i) => new RelayNode(n, clients[i]))], NodeTimeout);
            var listen = new ObserverListenOptions { UnixSocketPath = paths.Relay };
            if (config.RelayAddress is { } address) listen = listen with { TcpEndpoint = IPEndPoint.Parse(address), Tls = Tls(paths, IPEndPoint.Parse(address)) };
            var server = await ObserverServer.StartAsync(relay, listen, cancellationToken: ct).ConfigureAwait(false);
            return new LabRelay(server, clients);
        }
        catch
        {
            clients.ForEach(c => c.Dispose());
            throw;
        }
    }

    /// <summary>The relay's TLS: a server certificate for the address and a client certificate for the lab's owner, both from the lab CA.</summary>
    private static ObserverTlsOptions Tls(LabPaths paths, IPEndPoint address)
    {
        using var ca = LabCertificateAuthority.LoadOrCreate(paths.CaDirectory);
        using var client = ca.IssueClient(ClientCertificate);
        LabCertificateAuthority.WritePem(client, paths.CaDirectory, ClientCertificate);
        return new ObserverTlsOptions(ca.IssueServer([address.Address.ToString(), "localhost"]), ca.Certificate);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await server.DisposeAsync().ConfigureAwait(false);
        clients.ForEach(c => c.Dispose());
    }
}
