namespace Palisade.Bench.Observe;

/// <summary>
/// One run of one reader: what the flooder sent and in how long, what the rule logged (its counter), what the reader
/// received over how long, the kernel's overrun reports, and the CPU time of the reader's thread.
/// </summary>
internal sealed record NflogBenchResult(string Reader, long Sent, double SendSeconds, long Logged, long Received, long Overruns, double Seconds, TimeSpan Cpu)
{
    /// <summary>Events logged but never received.</summary>
    public long Lost => Logged - Received;

    /// <summary>Events received per second between the first batch and the last.</summary>
    public double EventsPerSecond => Seconds > 0 ? Received / Seconds : 0;

    /// <summary>Datagrams the flooder sent per second.</summary>
    public double SentPerSecond => SendSeconds > 0 ? Sent / SendSeconds : 0;

    /// <summary>The reader thread's CPU time per received event, in nanoseconds.</summary>
    public double CpuNsPerEvent => Received > 0 ? Cpu.TotalNanoseconds / Received : 0;
}
