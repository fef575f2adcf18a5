using System.Diagnostics;
using System.Globalization;

namespace Palisade.Bench.Observe;

/// <summary>
/// A reader the NFLOG bench measures: it receives until cancelled on a thread of its own, counting events and
/// noting when the first and the last batch arrived, so its rate is events over the time they took to come in, and
/// the CPU time its thread used (from <c>/proc/thread-self/schedstat</c>, in nanoseconds).
/// </summary>
internal abstract class BenchReader : IDisposable
{
    private long firstTicks;
    private long lastTicks;

    /// <summary>The name in the report.</summary>
    public abstract string Name { get; }

    /// <summary>Events received.</summary>
    public abstract long Received { get; }

    /// <summary>Times the kernel reported dropped batches (ENOBUFS).</summary>
    public abstract long Overruns { get; }

    /// <summary>Seconds from the first batch to the last.</summary>
    public double Seconds => (Volatile.Read(ref lastTicks) - Volatile.Read(ref firstTicks)) / (double)Stopwatch.Frequency;

    /// <summary>What else the reader checked, for the progress line (empty or starting with a separator).</summary>
    public virtual string Detail => "";

    /// <summary>CPU time of the reading thread during <see cref="Run"/>.</summary>
    public TimeSpan Cpu { get; private set; }

    /// <summary>Receives until <paramref name="cancellationToken"/> is cancelled.</summary>
    public void Run(CancellationToken cancellationToken)
    {
        var cpuAtStart = ThreadCpu();
        while (!cancellationToken.IsCancellationRequested)
        {
            if (PollOnce(100) == 0) continue;
            var now = Stopwatch.GetTimestamp();
            if (firstTicks == 0) Volatile.Write(ref firstTicks, now);
            Volatile.Write(ref lastTicks, now);
        }
        Cpu = ThreadCpu() - cpuAtStart;
    }

    /// <summary>Closes the reader's socket.</summary>
    public abstract void Dispose();

    /// <summary>Receives at most one batch, waiting up to <paramref name="timeoutMs"/>; returns its events.</summary>
    protected abstract int PollOnce(int timeoutMs);

    private static TimeSpan ThreadCpu()
    {
        var nanoseconds = File.ReadAllText("/proc/thread-self/schedstat").Split(' ')[0];
        return TimeSpan.FromTicks(long.Parse(nanoseconds, CultureInfo.InvariantCulture) / 100);
    }
}
