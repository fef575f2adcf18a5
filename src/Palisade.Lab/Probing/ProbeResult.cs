namespace Palisade.Lab.Probing;

/// <summary>The outcome of a probe, how long it took, and what the system said (an error message, or a UDP reply).</summary>
internal sealed record ProbeResult(ProbeOutcome Outcome, TimeSpan Elapsed, string? Detail);
