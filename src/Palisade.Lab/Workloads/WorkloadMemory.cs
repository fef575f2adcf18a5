using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Palisade.Lab.Model;
using Palisade.Lab.Netns;
using Palisade.Lab.Probing;
using Palisade.Lab.System;

namespace Palisade.Lab.Workloads;

/// <summary>Measures what serving pods costs this process in memory (for the bench; needs root).</summary>
internal static class WorkloadMemory
{
    private const int HttpPort = 80;
    private const int UdpPort = 53;
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Makes <paramref name="pods"/> network namespaces, serves a pod with 80/TCP and 53/UDP in each from one
    /// <see cref="WorkloadHost"/> in this process, asks every pod once over HTTP and UDP, and reports this process's
    /// RSS (VmRSS of /proc/self/status) before and while serving. The namespaces are deleted afterwards.
    /// </summary>
    public static async Task<WorkloadMemoryReport> MeasureAsync(int pods)
    {
        var prefix = "plm-" + Guid.NewGuid().ToString("N")[..6] + "-";
        var names = Enumerable.Range(0, pods).Select(i => prefix + i.ToString(CultureInfo.InvariantCulture)).ToList();
        try
        {
            var make = names.Select(n => $"netns add {n}\nnetns exec {n} ip link set lo up\n");
            await ProcessRunner.RunCheckedAsync("ip", ["-batch", "-"], string.Concat(make)).ConfigureAwait(false);
            var before = Settled("VmRSS");
            var host = new WorkloadHost();
            await using (host.ConfigureAwait(false))
            {
                foreach (var name in names) await host.AddAsync(SpecFor(name)).ConfigureAwait(false);
                var answered = 0;
                foreach (var name in names) answered += await AnswersAsync(name).ConfigureAwait(false) ? 1 : 0;
                return new WorkloadMemoryReport(pods, before, Settled("VmRSS"), (int)StatusValue("Threads"), answered);
            }
        }
        finally
        {
            await ProcessRunner.RunAsync("ip", ["-force", "-batch", "-"], string.Concat(names.Select(n => $"netns delete {n}\n"))).ConfigureAwait(false);
        }
    }

    private static WorkloadSpec SpecFor(string netns) =>
        new("bench/" + netns, netns, netns, "registry.k8s.io/e2e-test-images/agnhost:2.52",
            [new LabPort("http", HttpPort, LabProtocol.Tcp), new LabPort("dns", UdpPort, LabProtocol.Udp)]);

    private static async Task<bool> AnswersAsync(string netns)
    {
        var udp = await Prober.ProbeAsync(netns, LabProtocol.Udp, IPAddress.Loopback, UdpPort, ProbeTimeout).ConfigureAwait(false);
        using var client = NetworkNamespace.CreateSocket(netns, AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await client.ConnectAsync(IPAddress.Loopback, HttpPort).ConfigureAwait(false);
        await client.SendAsync("GET / HTTP/1.1\r\nHost: bench\r\nConnection: close\r\n\r\n"u8.ToArray()).ConfigureAwait(false);
        using var stream = new NetworkStream(client);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var answer = await reader.ReadToEndAsync().ConfigureAwait(false);
        return udp.Outcome == ProbeOutcome.Connected && answer.EndsWith(netns + "\n", StringComparison.Ordinal);
    }

    /// <summary>A /proc/self/status value (in kB for memory) after a full garbage collection.</summary>
    private static long Settled(string field)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return StatusValue(field);
    }

    private static long StatusValue(string field)
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        return long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }
}
