using System.Net;
using Palisade.Observe.Api;

namespace Palisade.Lab.Agents;

/// <summary>Reads a node agent's Prometheus metrics from its Observer socket (<c>/metrics</c> over HTTP/2 on <see cref="LabPaths.Observer"/>).</summary>
internal static class AgentMetrics
{
    /// <summary>The exposition text of node <paramref name="node"/>'s agent.</summary>
    /// <exception cref="LabException">The agent does not answer.</exception>
    public static async Task<string> ScrapeAsync(LabPaths paths, string node, CancellationToken ct = default)
    {
        var socket = paths.Observer(node);
        using var handler = ObserverClient.UnixSocketHandler(socket);
        using var client = new HttpClient(handler) { DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact, Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            return await client.GetStringAsync(new Uri("http://localhost/metrics"), ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            throw new LabException($"the agent of {node} does not serve metrics on {socket} ({e.Message}); see `palisade lab status`");
        }
    }
}
