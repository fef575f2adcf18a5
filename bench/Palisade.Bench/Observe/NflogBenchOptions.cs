using System.Globalization;
using Palisade.Observe.Kernel;

namespace Palisade.Bench.Observe;

/// <summary>
/// The NFLOG bench's options: packets per run, ABBA rounds, the group, and the reader's copy range, batch size,
/// kernel batch buffer and receive buffer. <c>--quick</c> is a smoke run of a few seconds.
/// </summary>
internal sealed record NflogBenchOptions(int Packets, int Rounds, ushort Group, ushort CopyRange, uint QueueThreshold, int BatchBufferKiB, int ReceiveBufferMiB)
{
    /// <summary>Datagrams per second the sender paces itself to (<c>--rate</c>); 0: as fast as it can.</summary>
    public int Rate { get; init; }

    /// <summary>Reads <c>--packets 1000000 --rounds 4 --group 7 --copy 128 --qthreshold 64 --nlbufsiz-kib 32 --rcvbuf-mib 8 [--quick]</c>.</summary>
    public static NflogBenchOptions Parse(string[] args)
    {
        var quick = args.Contains("--quick");
        var options = new NflogBenchOptions(
            Int(args, "--packets", quick ? "200000" : "1000000"),
            Int(args, "--rounds", quick ? "2" : "4"),
            (ushort)Int(args, "--group", "7"),
            (ushort)Int(args, "--copy", "128"),
            (uint)Int(args, "--qthreshold", "64"),
            Int(args, "--nlbufsiz-kib", (NflogOptions.Default.NetlinkBufferSize / 1024).ToString(CultureInfo.InvariantCulture)),
            Int(args, "--rcvbuf-mib", "8")) { Rate = Int(args, "--rate", "0") };
        if (options.Packets < 1 || options.Rounds < 1 || options.QueueThreshold < 1 || options.ReceiveBufferMiB < 1 || options.CopyRange < 20 || options.BatchBufferKiB is < 4 or > 128)
        {
            throw new ArgumentException("nflog: --packets, --rounds, --qthreshold and --rcvbuf-mib are >= 1; --copy >= 20 (an IPv4 header); --nlbufsiz-kib 4 to 128 (what the kernel accepts)");
        }
        return options;
    }

    private static int Int(string[] args, string name, string fallback) =>
        int.Parse(BenchArgs.Option(args, name, fallback), CultureInfo.InvariantCulture);
}
