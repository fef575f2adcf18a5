using System.Net;
using Palisade.Lab.Services;

namespace Palisade.Lab.Tests.Services;

public sealed class ClusterIpAllocatorTests
{
    private static ClusterIpAllocator Allocator(params (string Key, string Ip)[] existing) =>
        new(ClusterIpAllocator.DefaultCidr, existing.ToDictionary(e => e.Key, e => IPAddress.Parse(e.Ip)));

    [Fact]
    public void Allocate_RequestedFreeAddress_IsHonoured()
    {
        Assert.Equal(IPAddress.Parse("10.96.3.4"), Allocator().Allocate("default/web", "10.96.3.4"));
    }

    [Fact]
    public void Allocate_RequestedAddressTakenByAnotherService_NamesBothServices()
    {
        var e = Assert.Throws<LabException>(() => Allocator(("default/db", "10.96.3.4")).Allocate("default/web", "10.96.3.4"));
        Assert.Contains("default/web", e.Message);
        Assert.Contains("default/db", e.Message);
    }

    [Fact]
    public void Allocate_RequestingTheAddressItAlreadyHolds_KeepsIt()
    {
        Assert.Equal(IPAddress.Parse("10.96.3.4"), Allocator(("default/web", "10.96.3.4")).Allocate("default/web", "10.96.3.4"));
    }

    [Theory]
    [InlineData("10.97.0.5")]
    [InlineData("10.96.0.0")]
    [InlineData("10.96.255.255")]
    public void Allocate_RequestedOutsideTheCidr_NamesTheServiceAndTheCidr(string requested)
    {
        var e = Assert.Throws<LabException>(() => Allocator().Allocate("default/web", requested));
        Assert.Contains("default/web", e.Message);
        Assert.Contains("10.96.0.0/16", e.Message);
    }

    [Theory]
    [InlineData("web")]
    [InlineData("10.96.1")]
    [InlineData("fd00::1")]
    public void Allocate_RequestedIsNotAnIpv4Address_NamesTheService(string requested)
    {
        var e = Assert.Throws<LabException>(() => Allocator().Allocate("default/web", requested));
        Assert.Contains("default/web", e.Message);
        Assert.Contains("not an IPv4 address", e.Message);
    }

    [Theory]
    [InlineData("10.96.0.1", "default/kubernetes")]
    [InlineData("10.96.0.10", "kube-system/kube-dns")]
    public void Allocate_RequestedReservedAddress_SaysWhoItIsReservedFor(string requested, string owner)
    {
        var e = Assert.Throws<LabException>(() => Allocator().Allocate("default/web", requested));
        Assert.Contains(owner, e.Message);
    }

    [Fact]
    public void Allocate_KubeDnsWithoutRequest_GetsTheTenthAddress()
    {
        Assert.Equal(IPAddress.Parse("10.96.0.10"), Allocator().Allocate("kube-system/kube-dns", null));
    }

    [Fact]
    public void Allocate_None_IsHeadlessAndFreesAnyAddress()
    {
        var allocator = Allocator(("default/db", "10.96.3.4"));
        Assert.Null(allocator.Allocate("default/db", ClusterIpAllocator.Headless));
        Assert.Equal(IPAddress.Parse("10.96.3.4"), allocator.Allocate("default/web", "10.96.3.4"));
    }

    [Fact]
    public void Allocate_WithoutRequest_IsTheSameForTheSameNameAndNeverReserved()
    {
        var first = Allocator().Allocate("shop/cart", null);
        Assert.Equal(first, Allocator().Allocate("shop/cart", ""));
        Assert.NotEqual(first, Allocator().Allocate("shop/checkout", null));
        Assert.True(ClusterIpAllocator.DefaultCidr.Contains(first!));
        Assert.DoesNotContain(first, new[] { "10.96.0.0", "10.96.0.1", "10.96.0.10", "10.96.255.255" }.Select(IPAddress.Parse));
    }

    [Fact]
    public void Allocate_HashedAddressTaken_ProbesForwardToTheNextFree()
    {
        var hashed = Allocator().Allocate("shop/cart", null)!;
        var next = Next(hashed);
        Assert.Equal(next, Allocator(("other/one", hashed.ToString())).Allocate("shop/cart", null));
    }

    [Fact]
    public void Allocate_SameServiceAgain_KeepsItsAddress()
    {
        var allocator = Allocator(("shop/cart", "10.96.7.7"));
        Assert.Equal(IPAddress.Parse("10.96.7.7"), allocator.Allocate("shop/cart", null));
    }

    [Fact]
    public void Release_ThenAllocateAgain_ReusesTheAddress()
    {
        var allocator = Allocator(("default/db", "10.96.3.4"));
        Assert.Throws<LabException>(() => allocator.Allocate("default/web", "10.96.3.4"));
        allocator.Release("default/db");
        Assert.Equal(IPAddress.Parse("10.96.3.4"), allocator.Allocate("default/web", "10.96.3.4"));
    }

    [Fact]
    public void Allocate_SmallCidrFull_SaysSo()
    {
        var allocator = new ClusterIpAllocator(IPNetwork.Parse("10.96.0.0/28"), new Dictionary<string, IPAddress>());
        var given = Enumerable.Range(0, 12).Select(i => allocator.Allocate($"ns/s{i}", null)).ToList();   // 14 hosts, 2 reserved
        Assert.Equal(12, given.Distinct().Count());
        var e = Assert.Throws<LabException>(() => allocator.Allocate("ns/one-too-many", null));
        Assert.Contains("no ClusterIP is left", e.Message);
    }

    [Fact]
    public void Constructor_Ipv6Cidr_IsRefused()
    {
        Assert.Throws<LabException>(() => new ClusterIpAllocator(IPNetwork.Parse("fd00::/108"), new Dictionary<string, IPAddress>()));
    }

    private static IPAddress Next(IPAddress address)   // shop/cart hashes far from the reserved addresses and the end of the range
    {
        var bytes = address.GetAddressBytes();
        var value = ((uint)bytes[0] << 24 | (uint)bytes[1] << 16 | (uint)bytes[2] << 8 | bytes[3]) + 1;
        return new IPAddress([(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value]);
    }
}
