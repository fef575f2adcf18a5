using System.Net;
using System.Net.Sockets;
using Palisade.Lab.Netns;

namespace Palisade.Lab.Tests.Support;

[Trait("Requires", "root")]
public sealed class NetworkNamespaceTests
{
    [Fact]
    public async Task CreateSocket_InANamespace_ListensThereAndNotOnTheHost()
    {
        await using var nets = new TestNetworks();
        var a = await nets.NamespaceAsync("a");
        var b = await nets.NamespaceAsync("b");
        await nets.LinkAsync(a, "10.99.0.1/24", b, "10.99.0.2/24");
        using var listener = NetworkNamespace.CreateSocket(b, AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Parse("10.99.0.2"), 7000));   // only exists in b: binding proves the namespace
        listener.Listen();
        using var client = NetworkNamespace.CreateSocket(a, AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await client.ConnectAsync(IPAddress.Parse("10.99.0.2"), 7000);
        using var accepted = await listener.AcceptAsync();
        Assert.Equal(IPAddress.Parse("10.99.0.1"), ((IPEndPoint)accepted.RemoteEndPoint!).Address);
    }

    [Fact]
    public void Run_UnknownNamespace_SaysWhichOne()
    {
        var e = Assert.ThrowsAny<Exception>(() => NetworkNamespace.Run("plt-does-not-exist", () => 1));
        Assert.Contains("plt-does-not-exist", e.Message);
    }
}
