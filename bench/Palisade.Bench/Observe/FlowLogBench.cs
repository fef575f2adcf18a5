using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Palisade.Bench.Lab;
using Palisade.Lab;
using Palisade.Lab.Netns;
using Palisade.Lab.Topology;
using Palisade.Observe.Api;

namespace Palisade.Bench.Observe;

/// <summary>
/// <c>Palisade.Bench flowlog [--seconds 0.5] [--best-of 3] [--rounds 6] [--latency 200] [--quick]</c>: what flow
/// logging costs new connections. Two labs run side by side with the same pods and the same one-rule policy, one with
/// every verdict logged and its agents turning each into a flow (<c>--flow-logs all</c>), one with logging off; dp-rr's
/// CRR runs in both, interleaved ABBA, best of N (the ratio on/off is the figure). Then the latency from a connection's
/// SYN to its flow arriving at a follower, through the relay and straight from the node's agent. Needs root and gcc.
/// </summary>
internal static class FlowLogBench
{
    private const int Port = 7000;

    public static async Task<int> RunAsync(string[] args)
    {
        var quick = args.Contains("--quick");
        var seconds = double.Parse(BenchArgs.Option(args, "--seconds", "0.5"), CultureInfo.InvariantCulture);
        var bestOf = int.Parse(BenchArgs.Option(args, "--best-of", quick ? "2" : "3"), CultureInfo.InvariantCulture);
        var rounds = int.Parse(BenchArgs.Option(args, "--rounds", quick ? "2" : "6"), CultureInfo.InvariantCulture);
        var samples = int.Parse(BenchArgs.Option(args, "--latency", quick ? "40" : "200"), CultureInfo.InvariantCulture);
        Environment.SetEnvironmentVariable("PALISADE_LAB_ROOT", Path.Combine(Path.GetTempPath(), "palisade-lab-bench"));
        using var tool = await DpRr.CompileAsync();
        string[] labs = ["flowon", "flowoff"];
        try
        {
            foreach (var (lab, logs) in labs.Zip(["all", "off"])) await UpAsync(lab, logs);
            var pods = labs.ToDictionary(l => l, DatapathPods.Read);
            var servers = new List<DpRrServer>();
            foreach (var lab in labs) servers.Add(await tool.StartServerAsync(pods[lab].ServerNetns, Port));
            try
            {
                var rates = await CrrAsync(tool, pods, labs, seconds, bestOf, rounds);
                var latency = await LatencyAsync(pods["flowon"], samples);
                Console.WriteLine(FlowLogReport.Render(rates, latency, rounds, bestOf, seconds));
            }
            finally
            {
                servers.ForEach(s => s.Dispose());
            }
        }
        finally
        {
            foreach (var lab in labs) await LabManager.DownAsync(lab, _ => { });
        }
        return 0;
    }

    private static async Task UpAsync(string lab, string logs)
    {
        Console.Error.WriteLine($"bringing lab {lab} up (--flow-logs {logs})");
        await LabManager.DownAsync(lab, _ => { });
        await LabManager.UpAsync(lab, new LabConfig { FlowLogs = logs }, DatapathManifests.Pods, _ => { });
        var answer = await LabManager.ApplyAsync(lab, DatapathManifests.Policy(1, Port), _ => { });
        if (!answer.Ok) throw new InvalidOperationException($"apply to {lab} failed: {answer.Text}");
    }

    /// <summary>Best CRR rate per (lab, path) per round, the labs' order swapped every round.</summary>
    private static async Task<Dictionary<(string Lab, bool Across), List<double>>> CrrAsync(DpRr tool, Dictionary<string, DatapathPods> pods, string[] labs, double seconds, int bestOf, int rounds)
    {
        var rates = new Dictionary<(string, bool), List<double>>();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var lab in round % 2 == 0 ? labs : labs.Reverse())
            {
                foreach (var across in new[] { false, true })
                {
                    var runs = new List<DpRrResult>();
                    var probe = new DatapathProbe("crr", across);
                    for (var i = 0; i < bestOf; i++) runs.Add(await tool.RunAsync(pods[lab].ClientOf(probe), "crr", pods[lab].Server, Port, seconds));
                    var best = DpRrResult.Best(runs).Rate;
                    (rates.TryGetValue((lab, across), out var list) ? list : rates[(lab, across)] = []).Add(best);
                    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {round + 1}/{rounds} {lab} crr {probe.Path}: {best:N0}/s"));
                }
            }
        }
        return rates;
    }

    /// <summary>Milliseconds from a connection's start to its flow at a follower, through the relay and from the server's node.</summary>
    private static async Task<(List<double> Relay, List<double> Node)> LatencyAsync(DatapathPods pods, int samples)
    {
        var paths = LabPaths.For("flowon");
        var serverNode = Palisade.Lab.State.LabSnapshot.Read(paths).Records.First(r => r.Name == "server").Node;
        using var relay = ObserverClient.ForUnixSocket(paths.Relay);
        using var node = ObserverClient.ForUnixSocket(paths.Observer(serverNode));
        return (await FollowAsync(relay, pods, samples / 2), await FollowAsync(node, pods, samples / 2));
    }

    /// <summary>
    /// One follow stream kept open; connections made one at a time, each timed from connect() to its flow's arrival
    /// (matched by source port). The first connections only warm the stream up until one arrives.
    /// </summary>
    private static async Task<List<double>> FollowAsync(ObserverClient client, DatapathPods pods, int samples)
    {
        using var cancel = new CancellationTokenSource();
        var waiting = new System.Collections.Concurrent.ConcurrentDictionary<uint, TaskCompletionSource<long>>();
        var request = new GetFlowsRequest { Follow = true };
        request.Whitelist.Add(new Palisade.Observe.Flows.FlowFilter { DestinationPort = { Port.ToString(CultureInfo.InvariantCulture) }, TrafficDirection = { Palisade.Observe.Flows.TrafficDirection.Ingress } });
        var reader = Task.Run(async () =>
        {
            await foreach (var response in client.GetFlowsAsync(request, cancel.Token))
            {
                if (response.Flow?.L4?.TCP is { } tcp && waiting.TryRemove(tcp.SourcePort, out var arrived)) arrived.TrySetResult(Stopwatch.GetTimestamp());
            }
        });
        var latencies = new List<double>();
        var warm = false;
        for (var attempt = 0; latencies.Count < samples && attempt < samples + 50; attempt++)
        {
            var ms = await OneAsync(pods, waiting);
            if (ms is { } value && warm) latencies.Add(value);
            warm |= ms is not null;
        }
        await cancel.CancelAsync();
        try
        {
            await reader;
        }
        catch (Exception e) when (e is OperationCanceledException or Grpc.Core.RpcException)
        {
        }
        if (latencies.Count < samples) throw new InvalidOperationException($"only {latencies.Count} of {samples} connections' flows reached the follower at {client.Address}");
        return latencies;
    }

    /// <summary>One connection to the server; the milliseconds until its flow arrived, or null after 2 s.</summary>
    private static async Task<double?> OneAsync(DatapathPods pods, System.Collections.Concurrent.ConcurrentDictionary<uint, TaskCompletionSource<long>> waiting)
    {
        using var socket = NetworkNamespace.CreateSocket(pods.SameNode, AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Any, 0));
        var port = (uint)((IPEndPoint)socket.LocalEndPoint!).Port;
        var arrived = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        waiting[port] = arrived;
        var start = Stopwatch.GetTimestamp();
        await socket.ConnectAsync(new IPEndPoint(pods.Server, Port));
        if (await Task.WhenAny(arrived.Task, Task.Delay(2000)) != arrived.Task)
        {
            waiting.TryRemove(port, out _);
            return null;
        }
        return Stopwatch.GetElapsedTime(start, arrived.Task.Result).TotalMilliseconds;
    }
}
