using Palisade.Lab.Workloads;

namespace Palisade.Lab.Tests.Workloads;

public sealed class HttpRequestParserTests
{
    [Fact]
    public void Parse_RequestWithBody_ReadsMethodPathAndLength()
    {
        var request = HttpRequestParser.Parse("POST /v1/request-landing?x=1 HTTP/1.1\r\nHost: deathstar\r\ncontent-length: 12\r\nExpect: 100-continue");

        Assert.Equal(new HttpRequestHead("POST", "/v1/request-landing", 12, Close: false, ExpectContinue: true, Chunked: false), request);
    }

    [Theory]
    [InlineData("GET / HTTP/1.1", false)]
    [InlineData("GET / HTTP/1.1\r\nConnection: close", true)]
    [InlineData("GET / HTTP/1.1\r\nConnection: Keep-Alive, Close", true)]
    [InlineData("GET / HTTP/1.0", true)]
    [InlineData("GET / HTTP/1.0\r\nConnection: keep-alive", false)]
    public void Parse_ConnectionHeaderAndVersion_DecideWhetherTheConnectionCloses(string head, bool close) =>
        Assert.Equal(close, HttpRequestParser.Parse(head)!.Close);

    [Fact]
    public void Parse_AbsoluteTarget_KeepsOnlyThePath()
    {
        Assert.Equal("/v1/", HttpRequestParser.Parse("GET http://deathstar.empire.svc/v1/#top HTTP/1.1")!.Path);
    }

    [Theory]
    [InlineData("GET /")]
    [InlineData("get / HTTP/1.1")]
    [InlineData("GET / HTTP/2")]
    [InlineData("GET / HTTP/1.1\r\nbroken header")]
    [InlineData("POST / HTTP/1.1\r\nContent-Length: -5")]
    [InlineData("POST / HTTP/1.1\r\nContent-Length: 99999999999999999999999")]
    public void Parse_Malformed_IsNull(string head) => Assert.Null(HttpRequestParser.Parse(head));
}
