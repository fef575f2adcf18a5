using Palisade.Lab.Probing;

namespace Palisade.Lab.Tests.Probing;

public sealed class ProbeOutputTests
{
    [Theory]
    [InlineData(nameof(ProbeOutcome.Connected), null, "OK")]
    [InlineData(nameof(ProbeOutcome.Timeout), null, "TIMEOUT")]
    [InlineData(nameof(ProbeOutcome.Refused), "Connection refused", "REFUSED")]
    [InlineData(nameof(ProbeOutcome.Unreachable), "No route to host", "UNREACHABLE: No route to host")]
    [InlineData(nameof(ProbeOutcome.Unsupported), "no SCTP", "UNSUPPORTED: no SCTP")]
    [InlineData(nameof(ProbeOutcome.Error), "Invalid argument", "ERROR: Invalid argument")]
    public void Describe_Outcome_ReadsLikeAgnhostConnect(string outcome, string? detail, string expected) =>
        Assert.Equal(expected, ProbeOutput.Describe(new ProbeResult(Enum.Parse<ProbeOutcome>(outcome), TimeSpan.FromMilliseconds(3), detail)));
}
