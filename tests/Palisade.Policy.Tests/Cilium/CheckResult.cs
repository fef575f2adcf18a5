using Palisade.Policy.Cilium;
using Palisade.Policy.Diagnostics;

namespace Palisade.Policy.Tests.Cilium;

/// <summary>A bound Cilium policy and everything reported about it.</summary>
internal sealed record CheckResult(object? Policy, IReadOnlyList<Finding> Findings)
{
    public IReadOnlyList<Finding> Errors => [.. Findings.Where(f => f.Severity == Severity.Error)];

    public string Listing => Findings.Count == 0 ? "(nothing reported)" : string.Join("\n", Findings);

    /// <summary>Asserts that nothing was reported.</summary>
    public void AssertClean() => Assert.True(Findings.Count == 0, Listing);

    /// <summary>Asserts that exactly one finding was reported in total, at <paramref name="path"/>, and returns it.</summary>
    public Finding Only(string path, string message, Severity severity = Severity.Error)
    {
        Assert.True(Findings.Count == 1, $"expected exactly one finding, at {path}:\n{Listing}");
        return At(path, message, severity);
    }

    /// <summary>Asserts that exactly one finding is at <paramref name="path"/>, with the severity and message fragment.</summary>
    public Finding At(string path, string message, Severity severity = Severity.Error)
    {
        var matches = Findings.Where(f => f.Path == path).ToList();
        Assert.True(matches.Count == 1, $"expected one finding at {path}, found {matches.Count}:\n{Listing}");
        Assert.Equal(severity, matches[0].Severity);
        Assert.Contains(message, matches[0].Message, StringComparison.Ordinal);
        return matches[0];
    }

    public CiliumNetworkPolicy Cnp => Assert.IsType<CiliumNetworkPolicy>(Policy);

    public CiliumClusterwideNetworkPolicy Ccnp => Assert.IsType<CiliumClusterwideNetworkPolicy>(Policy);
}
