using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Palisade.Lab.Tls;

/// <summary>
/// The lab's own certificate authority (ECDSA P-256, "Palisade lab CA", 10 years), kept as <c>ca.crt</c> and
/// <c>ca.key</c> (PEM, the key readable by its owner only) in a directory, and shared by every node's workload process:
/// world hosts serve HTTPS with certificates it issues, and pods trust it through <see cref="WriteTrustBundle"/>.
/// </summary>
internal sealed class LabCertificateAuthority : IDisposable
{
    /// <summary>Debian's bundle of the system's trusted CAs.</summary>
    public const string SystemBundle = "/etc/ssl/certs/ca-certificates.crt";

    private const string CertificateFile = "ca.crt";
    private const string KeyFile = "ca.key";
    private const string LockFile = "ca.lock";
    private const string ServerAuth = "1.3.6.1.5.5.7.3.1";
    private const string ClientAuth = "1.3.6.1.5.5.7.3.2";
    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(10);
    private readonly X509Certificate2 ca;

    private LabCertificateAuthority(X509Certificate2 ca) => this.ca = ca;

    /// <summary>
    /// Loads the CA kept in <paramref name="directory"/>, or makes one there when it has none. Concurrent callers (one
    /// workload process per node) agree on one CA: the directory is locked while it is read or made.
    /// </summary>
    /// <exception cref="LabException">The CA files exist but cannot be read, or the directory stays locked.</exception>
    public static LabCertificateAuthority LoadOrCreate(string directory)
    {
        Directory.CreateDirectory(directory);
        using var held = Lock(directory);
        var certificate = Path.Combine(directory, CertificateFile);
        var key = Path.Combine(directory, KeyFile);
        if (File.Exists(certificate) && File.Exists(key)) return new LabCertificateAuthority(Load(directory, certificate, key));
        var ca = CreateCa();
        WritePrivate(key, ca.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem() + "\n");
        File.WriteAllText(certificate, ca.ExportCertificatePem() + "\n");
        return new LabCertificateAuthority(ca);
    }

    /// <summary>
    /// A server certificate for <paramref name="names"/> (DNS names, or IP addresses), valid for a year, with its private
    /// key, ready for <see cref="System.Net.Security.SslStream"/>.
    /// </summary>
    public X509Certificate2 IssueServer(IReadOnlyList<string> names) => Issue(names, ServerAuth);

    /// <summary>A client certificate for <paramref name="name"/> (mutual TLS), valid for a year, with its private key.</summary>
    public X509Certificate2 IssueClient(string name) => Issue([name], ClientAuth);

    /// <summary>The CA's own certificate (no private key): what peers verify the lab's certificates against.</summary>
    public X509Certificate2 Certificate => X509CertificateLoader.LoadCertificate(ca.RawData);

    private X509Certificate2 Issue(IReadOnlyList<string> names, string usage)
    {
        ArgumentOutOfRangeException.ThrowIfZero(names.Count);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var subject = new X500DistinguishedNameBuilder();
        subject.AddCommonName(names[0]);
        var request = new CertificateRequest(subject.Build(), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(usage)], false));
        request.CertificateExtensions.Add(AlternativeNames(names));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, true, false));
        var now = DateTimeOffset.UtcNow;
        var notAfter = now.AddYears(1) < ca.NotAfter ? now.AddYears(1) : new DateTimeOffset(ca.NotAfter);
        using var issued = request.Create(ca, now.AddMinutes(-5), notAfter, RandomSerial());
        return issued.CopyWithPrivateKey(key);   // on Linux the copy holds its own key reference: SslStream needs no PKCS#12 round trip
    }

    /// <summary>
    /// Writes to <paramref name="path"/> the system's trusted CAs (<see cref="SystemBundle"/> when it exists) followed
    /// by the lab CA, for a client's <c>--cacert</c> or <c>SSL_CERT_FILE</c>; returns <paramref name="path"/>.
    /// </summary>
    public string WriteTrustBundle(string path)
    {
        var system = File.Exists(SystemBundle) ? File.ReadAllText(SystemBundle) : "";
        if (system.Length > 0 && !system.EndsWith('\n')) system += "\n";
        File.WriteAllText(path, system + "# Palisade lab CA\n" + ca.ExportCertificatePem() + "\n");
        return path;
    }

    /// <inheritdoc/>
    public void Dispose() => ca.Dispose();

    private static X509Certificate2 CreateCa()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=Palisade lab CA, O=Palisade", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddMinutes(-5), now.AddYears(10));
    }

    private static X509Certificate2 Load(string directory, string certificate, string key)
    {
        try
        {
            return X509Certificate2.CreateFromPemFile(certificate, key);
        }
        catch (CryptographicException e)
        {
            throw new LabException($"the lab CA in {directory} cannot be read ({e.Message}); delete {CertificateFile} and {KeyFile} there to make a new one", e);
        }
    }

    private static X509Extension AlternativeNames(IReadOnlyList<string> names)
    {
        var builder = new SubjectAlternativeNameBuilder();
        foreach (var name in names)
        {
            if (IPAddress.TryParse(name, out var address)) builder.AddIpAddress(address);
            else builder.AddDnsName(name);
        }
        return builder.Build();
    }

    private static byte[] RandomSerial()
    {
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;   // a positive integer, as RFC 5280 requires
        return serial;
    }

    /// <summary>Writes <paramref name="certificate"/> and its key as PEM files <paramref name="name"/>.crt and .key (the key readable by its owner only) into <paramref name="directory"/>.</summary>
    public static void WritePem(X509Certificate2 certificate, string directory, string name)
    {
        WritePrivate(Path.Combine(directory, name + ".key"), certificate.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem() + "\n");
        File.WriteAllText(Path.Combine(directory, name + ".crt"), certificate.ExportCertificatePem() + "\n");
    }

    private static void WritePrivate(string path, string text)
    {
        File.Delete(path);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using var writer = new StreamWriter(path, options);
        writer.Write(text);
    }

    /// <summary>An exclusive lock on the directory's lock file, waited for up to <see cref="LockWait"/>.</summary>
    private static FileStream Lock(string directory)
    {
        var path = Path.Combine(directory, LockFile);
        var deadline = DateTime.UtcNow + LockWait;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(50);
            }
            catch (IOException e)
            {
                throw new LabException($"the lab CA directory {directory} stays locked by another process ({path}); stop it or delete the lock file", e);
            }
        }
    }
}
