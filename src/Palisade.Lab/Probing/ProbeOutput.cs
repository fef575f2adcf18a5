namespace Palisade.Lab.Probing;

/// <summary>The text of a probe's outcome, in the style of <c>agnhost connect</c>: "OK", "TIMEOUT", "REFUSED", "UNREACHABLE: ...".</summary>
internal static class ProbeOutput
{
    /// <summary>One line saying how the probe ended.</summary>
    public static string Describe(ProbeResult result) => result.Outcome switch
    {
        ProbeOutcome.Connected => "OK",
        ProbeOutcome.Timeout => "TIMEOUT",
        ProbeOutcome.Refused => "REFUSED",
        ProbeOutcome.Unreachable => "UNREACHABLE: " + result.Detail,
        ProbeOutcome.Unsupported => "UNSUPPORTED: " + result.Detail,
        _ => "ERROR: " + result.Detail,
    };
}
