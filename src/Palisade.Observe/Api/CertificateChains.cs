using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Palisade.Observe.Api;

/// <summary>Checks a peer certificate against a private CA, for mutual TLS between observers, relays and clients.</summary>
internal static class CertificateChains
{
    /// <summary>The extended key usage of TLS server certificates.</summary>
    public const string ServerAuth = "1.3.6.1.5.5.7.3.1";

    /// <summary>The extended key usage of TLS client certificates.</summary>
    public const string ClientAuth = "1.3.6.1.5.5.7.3.2";

    /// <summary>Whether <paramref name="certificate"/> chains to <paramref name="ca"/> (the only trusted root) and allows <paramref name="usage"/>.</summary>
    public static bool IsIssuedBy(X509Certificate? certificate, X509Certificate2 ca, string usage)
    {
        if (certificate is null)
        {
            return false;
        }
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.ApplicationPolicy.Add(new Oid(usage));
        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return chain.Build(leaf);
    }
}
