using System.CommandLine;
using System.Globalization;
using System.Net;
using Palisade.Lab;
using Palisade.Lab.Probing;
using Palisade.Lab.State;

namespace Palisade.Cli.Commands.Lab;

/// <summary>
/// <c>palisade probe HOST:PORT [--protocol tcp|udp|sctp] [--timeout 5s]</c>: one connection attempt, as the upstream
/// e2e suite's <c>agnhost connect</c> makes it. Exit 0 when connected (UDP: answered), 1 otherwise, with TIMEOUT,
/// REFUSED or the error on standard error. Run it inside a pod with <c>palisade exec POD -- ./palisade probe ...</c>,
/// or give <c>--from POD</c> to probe from a lab pod's namespace directly.
/// </summary>
internal static class ProbeCommand
{
    public static Command Create(CliContext context)
    {
        var target = new Argument<string>("target") { Description = "HOST:PORT (HOST a name or an IPv4 address)." };
        var protocol = new Option<string>("--protocol") { Description = "tcp, udp or sctp.", DefaultValueFactory = _ => "tcp" };
        protocol.AcceptOnlyFromAmong("tcp", "udp", "sctp");
        var timeout = new Option<string>("--timeout") { Description = "How long to wait (e.g. 500ms, 5s).", DefaultValueFactory = _ => "5s" };
        var from = new Option<string?>("--from") { Description = "A lab pod to probe from (NAME or NAMESPACE/NAME); default: the current network namespace." };
        var lab = LabOptions.Lab();
        var command = new Command("probe", "Try one connection (TCP, UDP or SCTP) with a timeout, as agnhost connect does.") { target, protocol, timeout, from, lab };
        command.SetAction(async (result, ct) =>
        {
            var (host, port) = Target(result.GetValue(target)!);
            var wait = Duration(result.GetValue(timeout)!);
            var netns = result.GetValue(from) is { } pod ? PodNetns(result.GetValue(lab), pod) : null;
            var address = await ResolveAsync(host, ct).ConfigureAwait(false);
            var outcome = await Prober.ProbeAsync(netns, PodSpecView.Protocol(result.GetValue(protocol)), address, port, wait, ct).ConfigureAwait(false);
            if (outcome.Outcome == ProbeOutcome.Connected) return ExitCodes.Ok;
            context.Error.WriteLine(ProbeOutput.Describe(outcome));
            return 1;
        });
        return command;
    }

    private static (string Host, int Port) Target(string text)
    {
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            throw new LabException($"probe target \"{text}\": use HOST:PORT with a port from 1 to 65535 (e.g. deathstar:80)");
        }
        return (text[..colon], port);
    }

    private static TimeSpan Duration(string text)
    {
        var (number, scale) = text.EndsWith("ms", StringComparison.Ordinal) ? (text[..^2], 1.0) : text.EndsWith('s') ? (text[..^1], 1000.0) : (text, 1000.0);
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value <= 0 || value * scale > 600_000)
        {
            throw new LabException($"--timeout {text}: use a duration such as 500ms or 5s (at most 600s)");
        }
        return TimeSpan.FromMilliseconds(value * scale);
    }

    private static async Task<IPAddress> ResolveAsync(string host, CancellationToken ct)
    {
        if (IPAddress.TryParse(host, out var address)) return address;
        try
        {
            var all = await Dns.GetHostAddressesAsync(host, System.Net.Sockets.AddressFamily.InterNetwork, ct).ConfigureAwait(false);
            return all.Length > 0 ? all[0] : throw new LabException($"{host} has no IPv4 address");
        }
        catch (System.Net.Sockets.SocketException e)
        {
            throw new LabException($"cannot resolve {host}: {e.Message}");
        }
    }

    private static string PodNetns(string? lab, string pod)
    {
        var snapshot = LabSnapshot.Read(LabPaths.For(LabManager.Resolve(lab)));
        var parts = pod.Split('/', 2);
        return (parts.Length == 2 ? snapshot.Pod(parts[0], parts[1]) : snapshot.Pod("default", pod)).Netns;
    }
}
