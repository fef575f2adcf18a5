namespace Palisade.Datapath.Nft;

/// <summary>The address family of a table (<c>ip</c>: IPv4 only; <c>inet</c>: IPv4 and IPv6).</summary>
public enum NftFamily
{
    /// <summary><c>ip</c>.</summary>
    Ip,

    /// <summary><c>inet</c>.</summary>
    Inet,
}
