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

    /// <summary>Starts the relay over nodes <paramref name="nodes"/>.</summary>
    /// <exception cref="IOException">The socket cannot be bound.</exception>
    public static async Task<LabRelay> StartAsync(LabPaths paths, IReadOnlyList<string> nodes, CancellationToken ct = default)
    {
        var clients = nodes.Select(n => ObserverClient.ForUnixSocket(paths.Observer(n))).ToList();
        try
        {
            var relay = new ObserverRelay([.. nodes.Select((n, i) => new RelayNode(n, clients[i]))], NodeTimeout);
            var server = await ObserverServer.StartAsync(relay, new ObserverListenOptions { UnixSocketPath = paths.Relay }, cancellationToken: ct).ConfigureAwait(false);
            return new LabRelay(server, clients);
        }
        catch
        {
            clients.ForEach(c => c.Dispose());
            throw;
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await server.DisposeAsync().ConfigureAwait(false);
        clients.ForEach(c => c.Dispose());
    }
}
