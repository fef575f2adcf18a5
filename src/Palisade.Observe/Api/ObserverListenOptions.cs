using System.Net;

namespace Palisade.Observe.Api;

/// <summary>
/// Where an <see cref="ObserverServer"/> listens: a Unix domain socket (HTTP/2 cleartext, local only: the
/// default), and/or a TCP endpoint that always requires TLS with client certificates, and optionally a plain
/// HTTP endpoint for Prometheus' <c>/metrics</c> (a scraper speaks HTTP/1.1, which an HTTP/2-only socket cannot).
/// </summary>
internal sealed record ObserverListenOptions
{
    /// <summary>The Unix socket path for gRPC, or null.</summary>
    public string? UnixSocketPath { get; init; }

    /// <summary>The TCP endpoint for gRPC over TLS, or null; requires <see cref="Tls"/>.</summary>
    public IPEndPoint? TcpEndpoint { get; init; }

    /// <summary>The TLS configuration of <see cref="TcpEndpoint"/>.</summary>
    public ObserverTlsOptions? Tls { get; init; }

    /// <summary>The TCP endpoint for plain-HTTP <c>/metrics</c>, or null (then <c>/metrics</c> is only on the gRPC listeners).</summary>
    public IPEndPoint? MetricsEndpoint { get; init; }

    /// <summary>Throws <see cref="InvalidOperationException"/> when nothing to listen on is given, or TCP is asked for without TLS.</summary>
    public void Validate()
    {
        if (UnixSocketPath is null && TcpEndpoint is null)
        {
            throw new InvalidOperationException("the observer needs a Unix socket path or a TCP endpoint with TLS to listen on");
        }
        if (TcpEndpoint is not null && Tls is null)
        {
            throw new InvalidOperationException(
                $"refusing to serve the observer API on TCP {TcpEndpoint} without TLS: give a server certificate and a client CA " +
                "(clients must present certificates), or use a Unix socket");
        }
    }
}
