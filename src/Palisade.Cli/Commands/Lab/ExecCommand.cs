using System.CommandLine;
using System.Diagnostics;
using Palisade.Lab;
using Palisade.Lab.State;

namespace Palisade.Cli.Commands.Lab;

/// <summary>
/// <c>palisade exec [-n NS] POD [-it] -- CMD ARGS...</c>: runs a program of this machine inside the pod's network
/// namespace (with the pod's resolv.conf, through <c>ip netns exec</c>), passing standard input, output and the exit
/// code through, as <c>kubectl exec</c> does. Commands see the lab CA through SSL_CERT_FILE, so HTTPS to the lab's
/// world hosts verifies.
/// </summary>
internal static class ExecCommand
{
    public static Command Create(CliContext context)
    {
        var lab = LabOptions.Lab();
        var ns = LabOptions.Namespace();
        var stdin = new Option<bool>("--stdin", "-i") { Description = "Pass standard input (always done; accepted for kubectl compatibility)." };
        var tty = new Option<bool>("--tty", "-t") { Description = "Accepted for kubectl compatibility: the command shares this terminal." };
        var pod = new Argument<string>("pod") { Description = "The pod (NAME or pod/NAME)." };
        var command = new Argument<string[]>("command") { Description = "The command and its arguments, after --.", Arity = ArgumentArity.OneOrMore };
        var exec = new Command("exec", "Run a command inside a pod's network namespace, as kubectl exec does.") { lab, ns, stdin, tty, pod, command };
        exec.SetAction(async (result, ct) =>
        {
            var snapshot = LabSnapshot.Read(LabPaths.For(LabManager.Resolve(result.GetValue(lab))));
            var name = result.GetValue(pod)!;
            if (name.StartsWith("pod/", StringComparison.Ordinal)) name = name[4..];
            var record = snapshot.Pod(result.GetValue(ns) ?? "default", name);
            return await RunAsync(record.Netns, result.GetValue(command)!, snapshot.Paths, context, ct).ConfigureAwait(false);
        });
        return exec;
    }

    private static async Task<int> RunAsync(string netns, string[] command, LabPaths paths, CliContext context, CancellationToken ct)
    {
        var info = new ProcessStartInfo("ip") { UseShellExecute = false };
        foreach (var a in new[] { "netns", "exec", netns }.Concat(command)) info.ArgumentList.Add(a);
        var bundle = Path.Combine(paths.CaDirectory, "ca-bundle.crt");
        if (File.Exists(bundle))
        {
            foreach (var variable in new[] { "SSL_CERT_FILE", "CURL_CA_BUNDLE", "REQUESTS_CA_BUNDLE" }) info.Environment[variable] = bundle;
        }
        using var process = Process.Start(info) ?? throw new LabException($"cannot run {command[0]}");
        await process.WaitForExitAsync(ct).ConfigureAwait(false);
        if (process.ExitCode == 255 && !File.Exists(command[0]) && !OnPath(command[0]))
        {
            context.Error.WriteLine($"error: {command[0]} is not a program on this machine (exec runs the machine's programs inside the pod's network namespace)");
        }
        return process.ExitCode;
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(d => File.Exists(Path.Combine(d, program)));
}
