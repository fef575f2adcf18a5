using System.Net.Security;
using System.Net.Sockets;
using System.Runtime.Versioning;
using System.Security.Cryptography.X509Certificates;
using Palisade.Lab.Tls;

namespace Palisade.Lab.Tests.Tls;

public sealed class LabCertificateAuthorityTests
{
    [Fact]
    [SupportedOSPlatform("linux")]
    public void LoadOrCreate_EmptyDirectory_WritesACaCertificateAndAnOwnerOnlyKey()
    {
        using var dir = new TempDirectory();

        using var authority = LabCertificateAuthority.LoadOrCreate(dir["ca"]);

        using var ca = X509Certificate2.CreateFromPem(File.ReadAllText(dir["ca/ca.crt"]));
        Assert.Equal("CN=Palisade lab CA, O=Palisade", ca.Subject);
        Assert.True(ca.Extensions.OfType<X509BasicConstraintsExtension>().Single().CertificateAuthority);
        Assert.InRange((ca.NotAfter - ca.NotBefore).TotalDays, 3650, 3660);
        using var key = ca.GetECDsaPublicKey();
        Assert.Equal("1.2.840.10045.3.1.7", key!.ExportParameters(false).Curve.Oid.Value);   // P-256
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", File.ReadAllText(dir["ca/ca.key"]));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(dir["ca/ca.key"]));
    }

    [Fact]
    public void LoadOrCreate_Twice_KeepsTheFirstCa()
    {
        using var dir = new TempDirectory();
        using (LabCertificateAuthority.LoadOrCreate(dir.Path))
        {
        }
        var first = File.ReadAllText(dir["ca.crt"]);

        using var again = LabCertificateAuthority.LoadOrCreate(dir.Path);
        using var issued = again.IssueServer(["api.example.com"]);

        Assert.Equal(first, File.ReadAllText(dir["ca.crt"]));
        Assert.True(ChainsTo(issued, dir["ca.crt"]));
    }

    [Fact]
    public void LoadOrCreate_UnreadableFiles_SaysHowToStartOver()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir["ca.crt"], "not a certificate");
        File.WriteAllText(dir["ca.key"], "not a key");

        var e = Assert.Throws<LabException>(() => LabCertificateAuthority.LoadOrCreate(dir.Path));

        Assert.Contains("delete ca.crt and ca.key", e.Message);
    }

    [Fact]
    public void IssueServer_Names_AreSubjectAlternativeNamesOfAServerCertificateWithAKey()
    {
        using var dir = new TempDirectory();
        using var authority = LabCertificateAuthority.LoadOrCreate(dir.Path);

        using var issued = authority.IssueServer(["api.twitter.com", "twitter.com", "10.1.2.3"]);

        Assert.True(issued.HasPrivateKey);
        Assert.Equal("CN=api.twitter.com", issued.Subject);
        Assert.Equal(["api.twitter.com", "twitter.com"], issued.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single().EnumerateDnsNames());
        Assert.Equal("1.3.6.1.5.5.7.3.1", issued.Extensions.OfType<X509EnhancedKeyUsageExtension>().Single().EnhancedKeyUsages[0].Value);
        Assert.InRange((issued.NotAfter - issued.NotBefore).TotalDays, 365, 367);
        Assert.True(ChainsTo(issued, dir["ca.crt"]));
    }

    [Fact]
    public async Task IssueServer_Certificate_ServesATlsHandshakeThatTrustsTheCa()
    {
        using var dir = new TempDirectory();
        using var authority = LabCertificateAuthority.LoadOrCreate(dir.Path);
        using var issued = authority.IssueServer(["world.lab.test"]);
        using var ca = X509Certificate2.CreateFromPem(File.ReadAllText(dir["ca.crt"]));
        var (serverEnd, clientEnd) = await ConnectedPairAsync();
        await using var server = new SslStream(new NetworkStream(serverEnd, ownsSocket: true));
        await using var client = new SslStream(new NetworkStream(clientEnd, ownsSocket: true));
        var policy = new X509ChainPolicy { TrustMode = X509ChainTrustMode.CustomRootTrust, CustomTrustStore = { ca }, RevocationMode = X509RevocationMode.NoCheck };

        await Task.WhenAll(
            server.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = issued }),
            client.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = "world.lab.test", CertificateChainPolicy = policy }));

        Assert.True(client.IsAuthenticated);
    }

    [Fact]
    public void WriteTrustBundle_Path_HoldsTheSystemCasThenTheLabCa()
    {
        using var dir = new TempDirectory();
        using var authority = LabCertificateAuthority.LoadOrCreate(dir.Path);

        var bundle = authority.WriteTrustBundle(dir["bundle.pem"]);

        var text = File.ReadAllText(bundle);
        var system = File.Exists(LabCertificateAuthority.SystemBundle) ? File.ReadAllText(LabCertificateAuthority.SystemBundle).TrimEnd() : "";
        Assert.StartsWith(system, text);
        Assert.EndsWith(File.ReadAllText(dir["ca.crt"]).TrimEnd() + "\n", text.TrimEnd() + "\n");
    }

    private static bool ChainsTo(X509Certificate2 issued, string caFile)
    {
        using var ca = X509Certificate2.CreateFromPem(File.ReadAllText(caFile));
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(issued);
    }

    private static async Task<(Socket Server, Socket Client)> ConnectedPairAsync()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new global::System.Net.IPEndPoint(global::System.Net.IPAddress.Loopback, 0));
        listener.Listen();
        var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await client.ConnectAsync(listener.LocalEndPoint!);
        return (await listener.AcceptAsync(), client);
    }
}
