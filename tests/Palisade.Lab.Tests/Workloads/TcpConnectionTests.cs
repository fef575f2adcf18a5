using Palisade.Lab.Workloads;

namespace Palisade.Lab.Tests.Workloads;

public sealed class TcpConnectionTests
{
    [Theory]
    [InlineData("GET / HTTP/1.1\r\n", true)]
    [InlineData("OPTIONS * HTTP/1.1", true)]
    [InlineData("GE", null)]
    [InlineData("", null)]
    [InlineData("hi\n", false)]
    [InlineData("\u0016\u0003\u0001", false)]
    [InlineData(" GET", false)]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZ", false)]
    public void LooksLikeHttp_FirstBytes_TellHttpFromRawTraffic(string first, bool? http) =>
        Assert.Equal(http, TcpConnection.LooksLikeHttp(global::System.Text.Encoding.Latin1.GetBytes(first)));
}
