using Palisade.Policy.Diagnostics;

namespace Palisade.Policy.Tests.Cilium;

/// <summary>One problem from binding or validation, in a common shape.</summary>
internal sealed record Finding(Severity Severity, string Path, string Message, string? Hint)
{
    public override string ToString() => $"{Severity} {Path}: {Message}" + (Hint is null ? "" : $" (hint: {Hint})");
}
