using System.Globalization;
using BenchmarkDotNet.Running;
using Palisade.Bench.Generation;
using Palisade.Bench.Scale;

namespace Palisade.Bench;

/// <summary>
/// Entry point: <c>scale</c> (end-to-end figures per configuration, each in a child process), <c>micro</c>
/// (BenchmarkDotNet), <c>gen</c> (write a generated cluster to a file), <c>profile</c> (a step-by-step time
/// breakdown of one configuration, in process).
/// </summary>
internal static class Program
{
    private const string Usage = """
        usage: Palisade.Bench scale [--pods 1000,10000,50000] [--policies 100,1000,5000] [--replicas 1,5] [--quick] [--repeat N]
                                      [--timeout S] [--memory-limit-gb G] [--naive-seconds S] [--markdown FILE]
               Palisade.Bench micro [BenchmarkDotNet args, e.g. --filter '*']
               Palisade.Bench lab [--pods 10,100,500] [--applies 10]   (root: brings up labs in network namespaces)
               Palisade.Bench datapath [--entries 0,1000,10000,50000] [--seconds 0.5] [--best-of 3] [--rounds 6] [--port 7000] [--quick]   (root + gcc: kernel-bound CRR/RR/stream with policy vs none)
               Palisade.Bench agent [--pods-per-node 10000] [--changes 40] [--loads 3]   (root: full load and change-to-enforced on the kernel)
               Palisade.Bench flowlog [--seconds 0.5] [--best-of 3] [--rounds 6] [--latency 200] [--quick]   (root + gcc: CRR with flow logging on vs off; SYN-to-follower latency)
               Palisade.Bench nflog [--packets 1000000] [--rate 0] [--rounds 4] [--group 7] [--quick]   (root + gcc: NFLOG events/s, full reader vs a raw counting reader)
               Palisade.Bench gen PODS POLICIES FILE [SEED]
               Palisade.Bench profile PODS POLICIES [ROUNDS]
        """;

    public static int Main(string[] args)
    {
        try
        {
            return args.FirstOrDefault() switch
            {
                "scale" => ScaleCommand.Run(args[1..]),
                "micro" => Micro(args[1..]),
                "lab" => Lab.LabBench.RunAsync(args[1..]).GetAwaiter().GetResult(),
                "datapath" => Lab.DatapathBench.RunAsync(args[1..]).GetAwaiter().GetResult(),
                "agent" => Agent.AgentBench.RunAsync(args[1..]).GetAwaiter().GetResult(),
                "flowcost" => Observe.FlowCost.Run(args[1..]),
                "flowlog" => Observe.FlowLogBench.RunAsync(args[1..]).GetAwaiter().GetResult(),
                "nflog" => Observe.NflogBench.RunAsync(args[1..], new Observe.FlowRingSink().Write).GetAwaiter().GetResult(),
                "gen" when args.Length >= 4 => Gen(args),
                "profile" when args.Length >= 3 => ProfileCommand.Run(Int(args[1]), Int(args[2]), args.Length > 3 ? Int(args[3]) : 5),
                RunOneCommand.Name => RunOneCommand.Run(args[1], Int(args[2]), double.Parse(args[3], CultureInfo.InvariantCulture), Int(args[4])),
                _ => Fail(Usage),
            };
        }
        catch (ArgumentException ex)
        {
            return Fail(ex.Message + "\n" + Usage);
        }
    }

    private static int Micro(string[] args)
    {
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }

    private static int Gen(string[] args)
    {
        var spec = new ClusterSpec(Int(args[1]), Int(args[2]), args.Length > 4 ? Int(args[4]) : 42);
        File.WriteAllText(args[3], ClusterGenerator.Generate(spec));
        Console.WriteLine($"wrote {spec} to {args[3]}");
        return 0;
    }

    private static int Int(string s) => int.Parse(s, CultureInfo.InvariantCulture);

    private static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return 2;
    }
}
