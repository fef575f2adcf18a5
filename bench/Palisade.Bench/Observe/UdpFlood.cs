using System.Globalization;
using System.Text.RegularExpressions;
using Palisade.Lab.System;

namespace Palisade.Bench.Observe;

/// <summary>
/// The NFLOG bench's sender: <c>Native/udp-flood.c</c> compiled with gcc into a temporary directory at start (the
/// source is found next to the program or in the source tree above it), run in a namespace with <c>ip netns exec</c>.
/// </summary>
internal sealed partial class UdpFlood : IDisposable
{
    private readonly NativeTool tool;

    private UdpFlood(NativeTool tool) => this.tool = tool;

    private string Binary => tool.Binary;

    /// <summary>Compiles the flooder; a missing gcc or source is an error that says what to do.</summary>
    public static async Task<UdpFlood> CompileAsync() =>
        new(await NativeTool.CompileAsync("Observe/Native/udp-flood.c", "udp-flood", "the nflog bench's UDP flooder"));

    /// <summary>Sends <paramref name="count"/> datagrams from <paramref name="netns"/>; returns how many went and in how many seconds.</summary>
    public async Task<(long Sent, double Seconds)> RunAsync(string netns, string host, int port, int count, int rate = 0)
    {
        var output = await ProcessRunner.RunCheckedAsync("ip", ["netns", "exec", netns, Binary, host, port.ToString(CultureInfo.InvariantCulture), count.ToString(CultureInfo.InvariantCulture), rate.ToString(CultureInfo.InvariantCulture)]);
        var match = ResultPattern().Match(output);
        if (!match.Success) throw new InvalidOperationException($"udp-flood printed no result: {output}");
        return (long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), double.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture));
    }

    /// <summary>Removes the temporary directory with the binary.</summary>
    public void Dispose() => tool.Dispose();

    [GeneratedRegex(@"sent=(\d+) errors=\d+ secs=([0-9.]+)")]
    private static partial Regex ResultPattern();
}
