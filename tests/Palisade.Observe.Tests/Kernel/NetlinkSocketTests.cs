using Palisade.Observe.Kernel;

namespace Palisade.Observe.Tests.Kernel;

/// <summary>
/// How a receive that waits without a timeout ends: only the eventfd wake can end it, so a broken wake hangs the
/// receiving thread and the join fails.
/// </summary>
public sealed class NetlinkSocketTests
{
    [Fact]
    public async Task Dispose_FromAnotherThread_EndsAReceiveWaitingForever()
    {
        var socket = new NetlinkSocket(Netlink.NetfilterProtocol);
        var status = ReceiveStatus.Data;
        var receiving = new Thread(() => status = socket.Receive(new byte[4096], -1, out _));
        receiving.Start();
        await Task.Delay(100);

        socket.Dispose();

        Assert.True(receiving.Join(TimeSpan.FromSeconds(10)), "the receive did not return after Dispose");
        Assert.Equal(ReceiveStatus.Closed, status);
        Assert.Equal(ReceiveStatus.Closed, socket.Receive(new byte[16], -1, out _));
    }

    [Fact]
    public async Task Interrupt_EndsAReceiveWaitingForever_AndTheSocketStaysUsable()
    {
        using var socket = new NetlinkSocket(Netlink.NetfilterProtocol);
        var status = ReceiveStatus.Data;
        var receiving = new Thread(() => status = socket.Receive(new byte[4096], -1, out _));
        receiving.Start();
        await Task.Delay(100);

        socket.Interrupt();

        Assert.True(receiving.Join(TimeSpan.FromSeconds(10)), "the receive did not return after Interrupt");
        Assert.Equal(ReceiveStatus.Interrupted, status);
        Assert.Equal(ReceiveStatus.TimedOut, socket.Receive(new byte[16], 0, out _));
    }
}
