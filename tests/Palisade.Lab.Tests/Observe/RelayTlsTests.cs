using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Palisade.Lab.Controller;
using Palisade.Lab.Tests.Support;
using Palisade.Lab.Topology;

namespace Palisade.Lab.Tests.Observe;

/// <summary>
/// The relay on TCP (<c>lab up --relay-address</c>) serves flows only over TLS to a client presenting a certificate
/// from the lab CA: the one the lab writes for its owner works; one from another CA is refused.
/// </summary>
[Trait("Requires", "root")]
public sealed class RelayTlsTests
{
    [Fact]
    public async Task RelayOnTcp_LabClientCertificateServed_ForeignCertificateRefused()
    {
        var port = FreePort();
        await using var lab = await LabFixture.UpAsync("", new LabConfig { RelayAddress = $"127.0.0.1:{port}" }, Examples.Path("red-blue/namespace.yaml"), Examples.Path("red-blue/pods.yaml"));
        Assert.Equal(0, (await lab.ExecInAsync("miztiik-automation-ns", "k-shop-red", "curl", "-s", "-m", "3", lab.PodIp("miztiik-automation-ns/k-shop-blue").ToString())).ExitCode);
        var ca = lab.Paths.CaDirectory;
        var served = await lab.CliAsync("observe", "--all", "--to-pod", "miztiik-automation-ns/k-shop-blue", "--server", $"https://127.0.0.1:{port}",
            "--tls-client-cert-file", Path.Combine(ca, LabRelay.ClientCertificate + ".crt"), "--tls-client-key-file", Path.Combine(ca, LabRelay.ClientCertificate + ".key"),
            "--tls-ca-cert-file", Path.Combine(ca, "ca.crt"));
        Assert.True(served.ExitCode == 0, served.StandardError);
        Assert.Contains("k-shop-blue:80", served.StandardOutput, StringComparison.Ordinal);

        var foreign = Directory.CreateTempSubdirectory("palisade-foreign-");
        try
        {
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            using var cert = new CertificateRequest("CN=intruder", key, HashAlgorithmName.SHA256).CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
            File.WriteAllText(Path.Combine(foreign.FullName, "c.crt"), cert.ExportCertificatePem());
            File.WriteAllText(Path.Combine(foreign.FullName, "c.key"), key.ExportPkcs8PrivateKeyPem());
            var refused = await lab.CliAsync("observe", "--all", "--server", $"https://127.0.0.1:{port}", "--tls-client-cert-file", Path.Combine(foreign.FullName, "c.crt"),
                "--tls-client-key-file", Path.Combine(foreign.FullName, "c.key"), "--tls-ca-cert-file", Path.Combine(ca, "ca.crt"));
            Assert.NotEqual(0, refused.ExitCode);
            Assert.DoesNotContain("k-shop-blue:80", refused.StandardOutput, StringComparison.Ordinal);
            var plain = await lab.CliAsync("observe", "--all", "--server", $"https://127.0.0.1:{port}");
            Assert.Equal(2, plain.ExitCode);   // no client certificate given: refused before connecting
        }
        finally
        {
            foreign.Delete(recursive: true);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
