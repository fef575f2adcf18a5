namespace Palisade.Lab.Tests.Workloads;

/// <summary>An HTTP response as a test reads it.</summary>
internal sealed record HttpAnswer(int Status, string Head, string Body)
{
    /// <summary>True when the head has the header line <paramref name="line"/> (e.g. "Server: palisade-lab").</summary>
    public bool Has(string line) => Head.Split("\r\n").Contains(line, StringComparer.OrdinalIgnoreCase);
}
