using System.Net;
using Palisade.Policy.Net;

namespace Palisade.Policy.Tests.Net;

public class IpAddressValueTests
{
    [Theory]
    [InlineData("10.1.2.3", false, "10.1.2.3")]
    [InlineData("0.0.0.0", false, "0.0.0.0")]
    [InlineData("255.255.255.255", false, "255.255.255.255")]
    [InlineData("010.001.0.09", false, "10.1.0.9")]
    [InlineData("::1", true, "::1")]
    [InlineData("2001:DB8::1", true, "2001:db8::1")]
    [InlineData("::ffff:10.0.0.1", true, "::ffff:10.0.0.1")]
    public void TryParse_ValidAddress(string text, bool isV6, string canonical)
    {
        Assert.True(IpAddressValue.TryParse(text, out var ip));
        Assert.Equal(isV6, ip.IsV6);
        Assert.Equal(isV6 ? 128 : 32, ip.Width);
        Assert.Equal(canonical, ip.ToString());
    }

    [Fact]
    public void TryParse_LeadingZeros_AreDecimalAsInKubernetes_NotOctal()
    {
        // IPAddress.Parse reads "010" as octal 8; Kubernetes' ParseIPSloppy reads it as 10.
        Assert.True(IpAddressValue.TryParse("010.0.0.1", out var ip));
        Assert.Equal(IpAddressValue.From(IPAddress.Parse("10.0.0.1")), ip);
    }

    [Theory]
    [InlineData("")]
    [InlineData("10.0.0")]
    [InlineData("10.0.0.0.1")]
    [InlineData("10..0.1")]
    [InlineData("256.0.0.1")]
    [InlineData("1.2.3.-1")]
    [InlineData("0x0A.0.0.1")]
    [InlineData("167772161")]
    [InlineData(" 10.0.0.1")]
    [InlineData("10.0.0.1 ")]
    [InlineData("[::1]")]
    [InlineData("fe80::1%eth0")]
    [InlineData("2001:db8::/32")]
    [InlineData("1::2::3")]
    [InlineData("web")]
    public void TryParse_NotAnAddress_IsFalse(string text) => Assert.False(IpAddressValue.TryParse(text, out _));

    [Fact]
    public void FromAndToIpAddress_RoundTrip()
    {
        foreach (var text in new[] { "192.168.0.1", "2001:db8::42", "::ffff:1.2.3.4" })
        {
            var ip = IPAddress.Parse(text);
            Assert.Equal(ip, IpAddressValue.From(ip).ToIpAddress());
        }
    }

    [Fact]
    public void CompareTo_OrdersIpv4BeforeIpv6_ThenByValue()
    {
        var sorted = new[] { "::1", "10.0.0.2", "10.0.0.10", "9.255.255.255" }
            .Select(t => { IpAddressValue.TryParse(t, out var v); return v; })
            .Order()
            .Select(v => v.ToString());

        Assert.Equal(["9.255.255.255", "10.0.0.2", "10.0.0.10", "::1"], sorted);
    }
}
