using System.Diagnostics;
using Palisade.Lab;
using Palisade.Lab.Topology;

namespace Palisade.Bench.Lab;

/// <summary>
/// <c>Palisade.Bench datapath [--entries 0,1000,10000,50000] [--seconds 0.5] [--best-of 3] [--rounds 6]
/// [--port 7000] [--quick]</c>:
/// the kernel's cost of a server pod's ingress allow set of N entries, against the same lab with no policy measured
/// in the same run, interleaved. A C client and server (<see cref="DpRr"/>, compiled with gcc at start) run in the
/// pods' namespaces, so the figures are bound by the kernel, not the client: new connections per second same node and
/// across nodes at every N; at the largest N also one connection's request/response rate and p99 and single-stream
/// throughput. Also the time from apply of the policy to the controller's answer. Needs root and gcc.
/// </summary>
internal static class DatapathBench
{
    private const string LabName = "dpbench";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = DatapathOptions.Parse(args);
        Environment.SetEnvironmentVariable("PALISADE_LAB_ROOT", Path.Combine(Path.GetTempPath(), "palisade-lab-bench"));
        var clock = Stopwatch.StartNew();
        try
        {
            using var tool = await DpRr.CompileAsync();
            Console.Error.WriteLine("dp-rr compiled; bringing the lab up");
            await LabManager.DownAsync(LabName, _ => { });
            await LabManager.UpAsync(LabName, new LabConfig(), DatapathManifests.Pods, _ => { });
            try
            {
                var pods = DatapathPods.Read(LabName);
                using var server = await tool.StartServerAsync(pods.ServerNetns, options.Port);
                var run = new DatapathRun(LabName, tool, pods, options);
                var rows = new List<DatapathRow>();
                foreach (var n in options.Entries) rows.Add(await run.MeasureAsync(n, established: n == options.Entries.Max()));
                Console.WriteLine(DatapathReport.Render(rows, options, run.Loads, run.Elapsed));
            }
            finally
            {
                await LabManager.DownAsync(LabName, _ => { });
            }
            Console.Error.WriteLine($"done in {clock.Elapsed.TotalSeconds:F0} s, lab included");
            return 0;
        }
        catch (InvalidOperationException e)
        {
            Console.Error.WriteLine("datapath: " + e.Message);
            return 1;
        }
    }
}
