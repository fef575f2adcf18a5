using System.Text.Json;
using Palisade.Lab.Tls;

namespace Palisade.Lab.Workloads;

/// <summary>
/// The node workload process (<c>palisade lab workload-host</c>), driven with JSON lines: one command per line in,
/// one event per command out (see <see cref="WorkloadCommand"/> and <see cref="WorkloadEvent"/>), e.g.
/// <code>
/// {"op":"add","spec":{"key":"default/web","netns":"lab-n1-web","podName":"web","image":"nginx","ports":[{"name":"http","port":80,"protocol":"TCP"}]}}
/// {"event":"ready","key":"default/web","ports":["80/TCP"],"skipped":[]}
/// {"op":"remove","key":"default/web"}
/// {"event":"removed","key":"default/web"}
/// </code>
/// A world host's spec adds <c>"tlsNames":["api.twitter.com"]</c>.
/// </summary>
internal static class WorkloadHostProtocol
{
    /// <summary>
    /// Serves pods as <paramref name="commands"/> say until it closes, then closes every pod and returns 0. World hosts
    /// get certificates of the lab CA kept in <paramref name="caDirectory"/> (made there when missing); without one, a
    /// world host fails.
    /// </summary>
    public static async Task<int> RunAsync(TextReader commands, TextWriter events, string? caDirectory, CancellationToken ct)
    {
        using var authority = caDirectory is null ? null : LabCertificateAuthority.LoadOrCreate(caDirectory);
        var host = new WorkloadHost(authority);
        await using (host.ConfigureAwait(false))
        {
            while (await commands.ReadLineAsync(ct).ConfigureAwait(false) is { } line)
            {
                if (string.IsNullOrWhiteSpace(line)) continue;
                var answer = await ExecuteAsync(host, line).ConfigureAwait(false);
                await events.WriteLineAsync(JsonSerializer.Serialize(answer, WorkloadJson.Options).AsMemory(), ct).ConfigureAwait(false);
                await events.FlushAsync(ct).ConfigureAwait(false);
            }
        }
        return 0;
    }

    /// <summary>Runs one command line and says how it went; never throws for a bad command.</summary>
    public static async Task<WorkloadEvent> ExecuteAsync(WorkloadHost host, string line)
    {
        WorkloadCommand? command;
        try
        {
            command = JsonSerializer.Deserialize<WorkloadCommand>(line, WorkloadJson.Options);
        }
        catch (JsonException e)
        {
            return WorkloadEvent.Failed(null, "cannot read the command: " + e.Message);
        }
        try
        {
            return command switch
            {
                { Op: "add", Spec: { } spec } when IsIncomplete(spec) => WorkloadEvent.Failed(spec.Key, "an add command's spec needs key, netns, podName and ports"),
                { Op: "add", Spec: { } spec } => WorkloadEvent.Added(await host.AddAsync(spec).ConfigureAwait(false)),
                { Op: "remove", Key: { } key } => await RemoveAsync(host, key).ConfigureAwait(false),
                _ => WorkloadEvent.Failed(command?.Key ?? command?.Spec?.Key, "a command is {\"op\":\"add\",\"spec\":{...}} or {\"op\":\"remove\",\"key\":\"ns/name\"}"),
            };
        }
        catch (Exception e)
        {
            return WorkloadEvent.Failed(command?.Spec?.Key ?? command?.Key, e.Message);   // the node's other pods keep being served
        }
    }

    private static bool IsIncomplete(WorkloadSpec spec) =>
        string.IsNullOrEmpty(spec.Key) || string.IsNullOrEmpty(spec.Netns) || string.IsNullOrEmpty(spec.PodName) || spec.Ports is null;

    private static async Task<WorkloadEvent> RemoveAsync(WorkloadHost host, string key)
    {
        await host.RemoveAsync(key).ConfigureAwait(false);
        return WorkloadEvent.Removed(key);
    }
}
