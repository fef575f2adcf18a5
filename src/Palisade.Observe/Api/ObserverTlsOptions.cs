using System.Security.Cryptography.X509Certificates;

namespace Palisade.Observe.Api;

/// <summary>TLS for a TCP observer listener: the server's certificate (with its private key) and the CA that must have issued every client's certificate.</summary>
/// <param name="ServerCertificate">The server certificate, with its private key.</param>
/// <param name="ClientCa">The CA client certificates must chain to.</param>
internal sealed record ObserverTlsOptions(X509Certificate2 ServerCertificate, X509Certificate2 ClientCa);
