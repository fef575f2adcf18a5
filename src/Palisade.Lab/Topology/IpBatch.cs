using System.Text;
using Palisade.Lab.System;

namespace Palisade.Lab.Topology;

/// <summary>
/// A list of <c>ip</c> commands run as one <c>ip -batch</c> process (optionally inside a namespace with <c>-n</c>):
/// starting a process costs about 10 ms here, so the lab sends each namespace its commands in one go.
/// </summary>
internal sealed class IpBatch(string? netns = null)
{
    private readonly StringBuilder lines = new();

    /// <summary>Appends one command (the words after <c>ip</c>).</summary>
    public IpBatch Add(string command)
    {
        lines.Append(command).Append('\n');
        return this;
    }

    /// <summary>True when nothing was added.</summary>
    public bool IsEmpty => lines.Length == 0;

    /// <summary>Runs the batch; throws a <see cref="LabException"/> with ip's message when a command fails.</summary>
    public Task RunAsync(CancellationToken ct = default)
    {
        if (IsEmpty) return Task.CompletedTask;
        string[] args = netns is null ? ["-batch", "-"] : ["-n", netns, "-batch", "-"];
        return ProcessRunner.RunCheckedAsync("ip", args, lines.ToString(), ct);
    }
}
