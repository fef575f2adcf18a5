using System.Globalization;

namespace Palisade.Bench.Scale;

/// <summary>The options of the <c>scale</c> command.</summary>
internal sealed record ScaleOptions
{
    public IReadOnlyList<int> Pods { get; init; } = [1000, 10000, 50000];
    public IReadOnlyList<int> Policies { get; init; } = [100, 1000, 5000];
    public int Seed { get; init; } = 42;
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(300);
    public long MemoryLimitBytes { get; init; } = 16L << 30;
    public int NaivePairs { get; init; } = 20000;
    public double NaiveSeconds { get; init; } = 5;
    public int OraclePairs { get; init; } = 200;
    public string Directory { get; init; } = Path.Combine(Path.GetTempPath(), "palisade-bench");
    public string? Markdown { get; init; }
    public int Repeat { get; init; } = 1;
    public IReadOnlyList<int> ReplicaFactors { get; init; } = [1];

    public static ScaleOptions Parse(IReadOnlyList<string> args)
    {
        var o = new ScaleOptions();
        for (var i = 0; i < args.Count; i++)
        {
            string Next() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            o = args[i] switch
            {
                "--quick" => o with { Pods = [1000], Policies = [100], NaiveSeconds = 2 },
                "--pods" => o with { Pods = Ints(Next()) },
                "--policies" => o with { Policies = Ints(Next()) },
                "--seed" => o with { Seed = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--timeout" => o with { Timeout = TimeSpan.FromSeconds(double.Parse(Next(), CultureInfo.InvariantCulture)) },
                "--memory-limit-gb" => o with { MemoryLimitBytes = (long)(double.Parse(Next(), CultureInfo.InvariantCulture) * (1L << 30)) },
                "--naive-pairs" => o with { NaivePairs = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--naive-seconds" => o with { NaiveSeconds = double.Parse(Next(), CultureInfo.InvariantCulture) },
                "--dir" => o with { Directory = Next() },
                "--markdown" => o with { Markdown = Next() },
                "--replicas" => o with { ReplicaFactors = Ints(Next()) },
                "--repeat" => o with { Repeat = Math.Max(1, int.Parse(Next(), CultureInfo.InvariantCulture)) },
                var other => throw new ArgumentException($"unknown option {other}"),
            };
        }
        return o;
    }

    private static int[] Ints(string csv) => [.. csv.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture))];
}
