using System.Net;
using System.Net.Sockets;
using Palisade.Observe.Kernel;

namespace Palisade.Observe.Tests.Kernel;

/// <summary><see cref="NflogReader"/>'s opening errors, and how a running reader stops.</summary>
[Trait("Requires", "root")]
public sealed class NflogReaderLifecycleTests
{
    [Fact]
    public async Task OpenIn_GroupAlreadyBoundInTheNamespace_ThrowsNamingTheGroup()
    {
        await using var lab = await KernelLab.CreateAsync();
        using var first = NflogReader.OpenIn(lab.Near, NflogReaderTests.Group);

        var e = Assert.Throws<NetlinkException>(() => NflogReader.OpenIn(lab.Near, NflogReaderTests.Group));

        Assert.Contains("group 5", e.Message, StringComparison.Ordinal);
        using var otherNamespace = NflogReader.OpenIn(lab.Peer, NflogReaderTests.Group);
    }

    [Fact]
    public void OpenIn_MissingNamespace_ThrowsNamingIt()
    {
        var e = Assert.Throws<NetlinkException>(() => NflogReader.OpenIn("pobs-missing-namespace", NflogReaderTests.Group));

        Assert.Contains("pobs-missing-namespace", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dispose_FromAnotherThread_EndsARunWaitingForEvents()
    {
        await using var lab = await KernelLab.CreateAsync();
        var reader = NflogReader.OpenIn(lab.Near, NflogReaderTests.Group);
        var running = new Thread(() => reader.Run((in NflogEvent _) => { }, CancellationToken.None));
        running.Start();

        reader.Dispose();

        Assert.True(running.Join(TimeSpan.FromSeconds(10)), "Run did not return after Dispose");
        Assert.Equal(0, reader.Poll((in NflogEvent _) => { }, 100));
    }

    [Fact]
    public async Task Run_Cancelled_ReturnsAndTheReaderStillWorks()
    {
        await using var lab = await KernelLab.CreateAsync();
        using var reader = NflogReader.OpenIn(lab.Near, NflogReaderTests.Group);
        using var cancel = new CancellationTokenSource();
        var running = new Thread(() => reader.Run((in NflogEvent _) => { }, cancel.Token));
        running.Start();

        await cancel.CancelAsync();

        Assert.True(running.Join(TimeSpan.FromSeconds(10)), "Run did not return after cancellation");
        await KernelLab.LoadRulesAsync(lab.Near, NflogReaderTests.OutputRules);
        using (var udp = KernelLab.SocketIn(lab.Near, SocketType.Dgram, ProtocolType.Udp)) udp.SendTo(new byte[8], new IPEndPoint(KernelLab.PeerAddress, 9998));
        var got = 0;
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (got == 0 && DateTime.UtcNow < deadline) got += reader.Poll((in NflogEvent _) => { }, 100);
        Assert.Equal(1, got);
    }
}
