using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Prometheus;

namespace Palisade.Observe.Api;

/// <summary>
/// Hosts an Observer API (a node's <see cref="ObserverService"/> or an <see cref="ObserverRelay"/>) on Kestrel:
/// gRPC over HTTP/2 cleartext on a Unix socket, and/or over TLS on TCP requiring client certificates issued by
/// the given CA. <c>/metrics</c> (when a registry is given) is served on every listener, and on its own plain
/// HTTP/1.1 listener when <see cref="ObserverListenOptions.MetricsEndpoint"/> is set. Built on an empty host:
/// no configuration files, no console logging, no signal handlers.
/// </summary>
internal sealed class ObserverServer : IAsyncDisposable
{
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(5);

    private readonly WebApplication app;
    private readonly string? socketPath;

    private ObserverServer(WebApplication app, string? socketPath, Uri? grpcAddress, Uri? metricsAddress)
    {
        this.app = app;
        this.socketPath = socketPath;
        GrpcAddress = grpcAddress;
        MetricsAddress = metricsAddress;
    }

    /// <summary>The TLS address of the TCP listener (<c>https://127.0.0.1:port</c>, the port as bound), or null.</summary>
    public Uri? GrpcAddress { get; }

    /// <summary>The metrics URL (<c>http://127.0.0.1:port/metrics</c>, the port as bound), or null.</summary>
    public Uri? MetricsAddress { get; }

    /// <summary>
    /// Starts serving <paramref name="service"/>. Throws <see cref="InvalidOperationException"/> for TCP without TLS
    /// (see <see cref="ObserverListenOptions.Validate"/>). The socket's directory is created if missing and a stale
    /// socket file is replaced; the socket gets the process umask's permissions (connecting needs write permission).
    /// </summary>
    public static async Task<ObserverServer> StartAsync<TService>(
        TService service, ObserverListenOptions listen, CollectorRegistry? metrics = null, CancellationToken cancellationToken = default)
        where TService : Observer.ObserverBase
    {
        listen.Validate();
        if (listen.UnixSocketPath is { } path)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            File.Delete(path);
        }
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => Listen(k, listen));
        builder.Services.AddSingleton<IHostLifetime, QuietLifetime>();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = ShutdownTimeout);
        builder.Services.AddRoutingCore();
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(service);
        var app = builder.Build();
        app.Use(EndWhenStopping);
        app.UseRouting();
        app.MapGrpcService<TService>();
        if (metrics is not null)
        {
            app.MapMetrics("/metrics", metrics);
        }
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        var bound = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        return new ObserverServer(app, listen.UnixSocketPath,
            Bound(bound, "https://", listen.TcpEndpoint, ""),
            metrics is null ? null : Bound(bound, "http://", listen.MetricsEndpoint, "metrics"));
    }

    /// <summary>Stops listening (ending open streams) and removes the socket file.</summary>
    public async Task StopAsync()
    {
        await app.StopAsync().ConfigureAwait(false);
        if (socketPath is not null && File.Exists(socketPath))
        {
            File.Delete(socketPath);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Ends a request (a follow never ends by itself) when the server stops, rather than waiting for the shutdown timeout.</summary>
    private static async Task EndWhenStopping(HttpContext context, RequestDelegate next)
    {
        var stopping = context.RequestServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        context.RequestAborted = linked.Token;
        await next(context).ConfigureAwait(false);
    }

    private static void Listen(KestrelServerOptions kestrel, ObserverListenOptions listen)
    {
        if (listen.UnixSocketPath is { } path)
        {
            kestrel.ListenUnixSocket(path, o => o.Protocols = HttpProtocols.Http2);
        }
        if (listen is { TcpEndpoint: { } tcp, Tls: { } tls })
        {
            kestrel.Listen(tcp, o =>
            {
                o.Protocols = HttpProtocols.Http1AndHttp2;
                o.UseHttps(new HttpsConnectionAdapterOptions
                {
                    ServerCertificate = tls.ServerCertificate,
                    ClientCertificateMode = ClientCertificateMode.RequireCertificate,
                    ClientCertificateValidation = (certificate, _, _) =>
                        CertificateChains.IsIssuedBy(certificate, tls.ClientCa, CertificateChains.ClientAuth),
                });
            });
        }
        if (listen.MetricsEndpoint is { } metrics)
        {
            kestrel.Listen(metrics, o => o.Protocols = HttpProtocols.Http1);
        }
    }

    private static Uri? Bound(ICollection<string> addresses, string scheme, IPEndPoint? endpoint, string path)
    {
        if (endpoint is null)
        {
            return null;
        }
        var port = endpoint.Port;
        if (port == 0)
        {
            var address = addresses.First(a => a.StartsWith(scheme, StringComparison.Ordinal) && !a.StartsWith("http://unix:", StringComparison.Ordinal));
            port = new Uri(address).Port;
        }
        return new UriBuilder(scheme.TrimEnd(':', '/'), endpoint.Address.ToString(), port, path).Uri;
    }

    private sealed class QuietLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
