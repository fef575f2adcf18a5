using System.Diagnostics;
using System.Net.Sockets;
using Palisade.Datapath.Nft;

namespace Palisade.Datapath.Kernel;

/// <summary>
/// Measures how fast set elements reach the kernel through libnftables in process versus an <c>nft -f</c> process per
/// change, inside a network namespace of its own (made and deleted here; needs root). Both paths load the same text
/// into identical sets of type <c>ipv4_addr . inet_proto . inet_service</c>, each bulk load into a table holding no
/// other elements (nft reads the existing ruleset first); the process is started from a thread inside the namespace,
/// so it pays its own start-up but not <c>ip netns exec</c>'s.
/// </summary>
public static class NftBench
{
    private const int SingleLibnftablesRuns = 50;
    private const int SingleProcessRuns = 10;
    private static readonly NftTable Table = new(NftFamily.Inet, "palisade-bench");

    /// <summary>Runs the measurement for <paramref name="elements"/> elements.</summary>
    /// <exception cref="NftException">Not root, or nft or libnftables missing.</exception>
    public static async Task<NftBenchResult> MeasureAsync(int elements)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(elements);
        var name = "pdb-" + Guid.NewGuid().ToString("N")[..6];
        using var host = new NamespaceThread(null);
        await NftProcess.RunAsync(host, "ip", ["netns", "add", name]).ConfigureAwait(false);
        try
        {
            using var kernel = new LibNftables(name);
            using var spawner = new NamespaceThread(name);
            return await MeasureAsync(elements, kernel, spawner).ConfigureAwait(false);
        }
        finally
        {
            await NftProcess.RunAsync(host, "ip", ["netns", "delete", name]).ConfigureAwait(false);
        }
    }

    private static async Task<NftBenchResult> MeasureAsync(int elements, LibNftables kernel, NamespaceThread spawner)
    {
        var viaLibrary = Set("via-libnftables");
        var viaProcess = Set("via-process");
        var setup = new NftTransaction().AddTable(Table).AddSet(viaLibrary).AddSet(viaProcess);
        await kernel.ApplyAsync(setup).ConfigureAwait(false);
        var fillLibrary = Adding(setup.Catalog, viaLibrary, 0, elements);
        var bulkLibrary = await TimeAsync(kernel.RunAsync, fillLibrary).ConfigureAwait(false);
        await kernel.ApplyAsync(new NftTransaction(setup.Catalog).FlushSet(viaLibrary)).ConfigureAwait(false);
        var bulkProcess = await TimeAsync(text => Nft(spawner, text), Adding(setup.Catalog, viaProcess, 0, elements)).ConfigureAwait(false);
        await kernel.RunAsync(fillLibrary).ConfigureAwait(false);
        var singleLibrary = new List<double>();
        for (var i = 0; i < SingleLibnftablesRuns; i++) singleLibrary.Add(await TimeAsync(kernel.RunAsync, Adding(setup.Catalog, viaLibrary, elements + i, 1)).ConfigureAwait(false));
        var singleProcess = new List<double>();
        for (var i = 0; i < SingleProcessRuns; i++) singleProcess.Add(await TimeAsync(text => Nft(spawner, text), Adding(setup.Catalog, viaProcess, elements + i, 1)).ConfigureAwait(false));
        return new NftBenchResult(elements, bulkLibrary, bulkProcess, Median(singleLibrary), Median(singleProcess));
    }

    private static NftSet Set(string name) =>
        new(Table, name, NftKeyType.Of(NftDataType.Ipv4Addr, NftDataType.InetProto, NftDataType.InetService));

    /// <summary>The text adding <paramref name="count"/> elements 10.0.0.0+i . tcp . 7000 from i = <paramref name="first"/>.</summary>
    private static string Adding(NftCatalog catalog, NftSet set, int first, int count) =>
        new NftTransaction(catalog).AddElements(set, Enumerable.Range(first, count).Select(i => new NftElement(
            [NftValue.Range(NftDataType.Ipv4Addr, 0x0A000000u + (uint)i, 0x0A000000u + (uint)i), NftValue.Protocol(ProtocolType.Tcp), NftValue.Port(7000)]))).Render();

    private static Task<string> Nft(NamespaceThread spawner, string text) => NftProcess.RunAsync(spawner, "nft", ["-f", "-"], text);

    /// <summary>How long <paramref name="apply"/> takes to load <paramref name="text"/>, rendered beforehand.</summary>
    private static async Task<double> TimeAsync(Func<string, Task<string>> apply, string text)
    {
        var clock = Stopwatch.StartNew();
        await apply(text).ConfigureAwait(false);
        return clock.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }
}
