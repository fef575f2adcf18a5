using System.Net;
using System.Net.Sockets;

namespace Palisade.Lab.Agents;

/// <summary>Reads a node agent's Prometheus metrics from its Observer socket (<c>/metrics</c> over HTTP/2 on <see cref="LabPaths.Observer"/>).</summary>
internal static class AgentMetrics
{
    /// <summary>The exposition text of node <paramref name="node"/>'s agent.</summary>
    /// <exception cref="LabException">The agent does not answer.</exception>
    public static async Task<string> ScrapeAsync(LabPaths paths, string node, CancellationToken ct = default)
    {
        var socket = paths.Observer(node);
        using var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, token) =>
            {
                var s = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await s.ConnectAsync(new UnixDomainSocketEndPoint(socket), token).ConfigureAwait(false);
                    return new NetworkStream(s, ownsSocket: true);
                }
                catch
                {
                    s.Dispose();
                    throw;
                }
            },
        };
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
