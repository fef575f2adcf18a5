using System.ComponentModel;
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
    private const string SourceInProject = "Observe/Native/udp-flood.c";
    private readonly DirectoryInfo directory;

    private UdpFlood(DirectoryInfo directory) => this.directory = directory;

    private string Binary => Path.Combine(directory.FullName, "udp-flood");

    /// <summary>Compiles the flooder; a missing gcc or source is an error that says what to do.</summary>
    public static async Task<UdpFlood> CompileAsync()
    {
        var source = FindSource();
        var tool = new UdpFlood(Directory.CreateTempSubdirectory("palisade-udpflood-"));
        try
        {
            var result = await ProcessRunner.RunAsync("gcc", ["-O2", "-Wall", "-o", tool.Binary, source]);
            if (!result.Succeeded) throw new InvalidOperationException($"gcc could not compile {source}:\n{result.StandardError}");
            return tool;
        }
        catch (Win32Exception)
        {
            tool.Dispose();
            throw new InvalidOperationException("gcc is not installed; the nflog bench compiles its UDP flooder at start: apt-get install gcc");
        }
        catch
        {
            tool.Dispose();
            throw;
        }
    }

    /// <summary>Sends <paramref name="count"/> datagrams from <paramref name="netns"/>; returns how many went and in how many seconds.</summary>
    public async Task<(long Sent, double Seconds)> RunAsync(string netns, string host, int port, int count, int rate = 0)
    {
        var output = await ProcessRunner.RunCheckedAsync("ip", ["netns", "exec", netns, Binary, host, port.ToString(CultureInfo.InvariantCulture), count.ToString(CultureInfo.InvariantCulture), rate.ToString(CultureInfo.InvariantCulture)]);
        var match = ResultPattern().Match(output);
        if (!match.Success) throw new InvalidOperationException($"udp-flood printed no result: {output}");
        return (long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), double.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture));
    }

    /// <summary>Removes the temporary directory with the binary.</summary>
    public void Dispose() => directory.Delete(recursive: true);

    private static string FindSource()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (var candidate in new[] { Path.Combine(dir.FullName, SourceInProject), Path.Combine(dir.FullName, "bench/Palisade.Bench", SourceInProject) })
            {
                if (File.Exists(candidate)) return candidate;
            }
        }
        throw new InvalidOperationException($"cannot find {SourceInProject} next to the program or in a source tree above {AppContext.BaseDirectory}: run the bench from the source tree (dotnet run --project bench/Palisade.Bench)");
    }

    [GeneratedRegex(@"sent=(\d+) errors=\d+ secs=([0-9.]+)")]
    private static partial Regex ResultPattern();
}
