using Palisade.Policy.Net;

namespace Palisade.Policy.Tests.Net;

public class CidrTests
{
    private static IpAddressValue Ip(string text) => IpAddressValue.TryParse(text, out var ip) ? ip : throw new ArgumentException(text);

    [Theory]
    [InlineData("10.0.0.0/8", "10.0.0.0/8", false)]
    [InlineData("10.1.2.3/8", "10.0.0.0/8", true)]
    [InlineData("10.1.2.3/32", "10.1.2.3/32", false)]
    [InlineData("10.1.2.3/0", "0.0.0.0/0", true)]
    [InlineData("0.0.0.0/0", "0.0.0.0/0", false)]
    [InlineData("192.168.1.129/25", "192.168.1.128/25", true)]
    [InlineData("010.0.0.0/8", "10.0.0.0/8", false)]
    [InlineData("2001:db8::/32", "2001:db8::/32", false)]
    [InlineData("2001:db8::1/64", "2001:db8::/64", true)]
    [InlineData("2001:db8:ffff:ffff::/33", "2001:db8:8000::/33", true)]
    [InlineData("::/0", "::/0", false)]
    [InlineData("::1/128", "::1/128", false)]
    public void TryParse_ClearsHostBits_AndSaysWhetherThereWereAny(string text, string network, bool hostBits)
    {
        Assert.True(Cidr.TryParse(text, out var cidr, out var hadHostBits));
        Assert.Equal(network, cidr.ToString());
        Assert.Equal(hostBits, hadHostBits);
    }

    [Theory]
    [InlineData("")]
    [InlineData("10.0.0.0")]
    [InlineData("/8")]
    [InlineData("10.0.0.0/")]
    [InlineData("10.0.0.0/33")]
    [InlineData("10.0.0.0/-1")]
    [InlineData("10.0.0.0/+8")]
    [InlineData("10.0.0.0/8/8")]
    [InlineData("10.0.0.0/ 8")]
    [InlineData("10.0.0.0/8 ")]
    [InlineData("10.0.0.0/1000")]
    [InlineData("0x0A.0.0.0/8")]
    [InlineData("10.0.0/8")]
    [InlineData("2001:db8::/129")]
    [InlineData("[2001:db8::]/32")]
    [InlineData("fe80::%eth0/64")]
    [InlineData("any/0")]
    public void TryParse_Invalid_IsFalse(string text) => Assert.False(Cidr.TryParse(text, out _, out _));

    [Fact]
    public void Parse_Invalid_Throws() => Assert.Throws<FormatException>(() => Cidr.Parse("10.0.0.0/40"));

    [Theory]
    [InlineData("10.0.0.0/8", "10.0.0.0", true)]
    [InlineData("10.0.0.0/8", "10.255.255.255", true)]
    [InlineData("10.0.0.0/8", "11.0.0.0", false)]
    [InlineData("10.0.0.0/8", "9.255.255.255", false)]
    [InlineData("0.0.0.0/0", "203.0.113.9", true)]
    [InlineData("0.0.0.0/0", "::1", false)]
    [InlineData("::/0", "10.0.0.1", false)]
    [InlineData("::/0", "2001:db8::1", true)]
    [InlineData("2001:db8::/32", "2001:db8:ffff::1", true)]
    [InlineData("2001:db8::/32", "2001:db9::", false)]
    [InlineData("192.168.1.7/32", "192.168.1.7", true)]
    [InlineData("192.168.1.7/32", "192.168.1.8", false)]
    public void ContainsAddress(string cidr, string address, bool expected) => Assert.Equal(expected, Cidr.Parse(cidr).Contains(Ip(address)));

    [Theory]
    [InlineData("10.0.0.0/8", "10.1.0.0/16", true)]
    [InlineData("10.0.0.0/8", "10.0.0.0/8", true)]
    [InlineData("10.0.0.0/16", "10.0.0.0/8", false)]
    [InlineData("10.0.0.0/16", "10.1.0.0/24", false)]
    [InlineData("0.0.0.0/0", "::/0", false)]
    [InlineData("2001:db8::/32", "2001:db8:1::/48", true)]
    public void ContainsCidr(string outer, string inner, bool expected) => Assert.Equal(expected, Cidr.Parse(outer).Contains(Cidr.Parse(inner)));

    [Theory]
    [InlineData("10.0.0.0/24", "256")]
    [InlineData("10.0.0.0/32", "1")]
    [InlineData("0.0.0.0/0", "4294967296")]
    [InlineData("2001:db8::/64", "18446744073709551616")]
    [InlineData("::/0", "340282366920938463463374607431768211455")]
    public void Size_CountsAddresses_SaturatingForAllOfIpv6(string cidr, string size) =>
        Assert.Equal(UInt128.Parse(size, System.Globalization.CultureInfo.InvariantCulture), Cidr.Parse(cidr).Size);

    [Fact]
    public void AddressAt_CountsFromTheNetwork()
    {
        var cidr = Cidr.Parse("10.0.1.0/24");

        Assert.Equal("10.0.1.0", cidr.AddressAt(0).ToString());
        Assert.Equal("10.0.1.255", cidr.AddressAt(255).ToString());
        Assert.Equal("2001:db8::10", Cidr.Parse("2001:db8::/64").AddressAt(16).ToString());
    }
}
