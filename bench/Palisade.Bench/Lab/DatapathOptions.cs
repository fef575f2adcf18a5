using System.Globalization;

namespace Palisade.Bench.Lab;

/// <summary>
/// The datapath bench's options: allow-set sizes (0 = no policy against no policy, the noise row), seconds per
/// client run, runs per probe and state of which the best counts, interleaved rounds, and the measured port.
/// <c>--quick</c> is a smoke run of under a minute.
/// </summary>
internal sealed record DatapathOptions(IReadOnlyList<int> Entries, double Seconds, int BestOf, int Rounds, int Port)
{
    /// <summary>Reads <c>--entries 0,1000,10000,50000 --seconds 0.5 --best-of 3 --rounds 6 --port 7000 [--quick]</c>.</summary>
    public static DatapathOptions Parse(string[] args)
    {
        var quick = args.Contains("--quick");
        var entries = BenchArgs.Option(args, "--entries", quick ? "0,50000" : "0,1000,10000,50000")
            .Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
        var options = new DatapathOptions(
            entries,
            double.Parse(BenchArgs.Option(args, "--seconds", "0.5"), CultureInfo.InvariantCulture),
            int.Parse(BenchArgs.Option(args, "--best-of", quick ? "2" : "3"), CultureInfo.InvariantCulture),
            int.Parse(BenchArgs.Option(args, "--rounds", quick ? "2" : "6"), CultureInfo.InvariantCulture),
            int.Parse(BenchArgs.Option(args, "--port", "7000"), CultureInfo.InvariantCulture));
        if (entries.Count == 0 || entries.Any(n => n < 0) || options.Seconds <= 0 || options.BestOf < 1 || options.Rounds < 1)
        {
            throw new ArgumentException("datapath: --entries are counts >= 0, --seconds > 0, --best-of and --rounds >= 1");
        }
        if (options.Port is < 1 or > 9_998 or 8080)
        {
            throw new ArgumentException("datapath: --port must be below 10,000 (the policy's filler ports start there) and not 8080 (the lab's workload serves it)");
        }
        return options;
    }
}
