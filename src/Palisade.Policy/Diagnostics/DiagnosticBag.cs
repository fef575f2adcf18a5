namespace Palisade.Policy.Diagnostics;

/// <summary>Collects every diagnostic of a run so that all problems are reported at once.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];

    /// <summary>Everything reported so far, in report order.</summary>
    public IReadOnlyList<Diagnostic> Items => _items;

    /// <summary>True when at least one error was reported.</summary>
    public bool HasErrors => _items.Exists(d => d.Severity == Severity.Error);

    /// <summary>Adds one diagnostic.</summary>
    public void Add(Diagnostic diagnostic) => _items.Add(diagnostic);

    /// <summary>Adds several diagnostics.</summary>
    public void AddRange(IEnumerable<Diagnostic> diagnostics) => _items.AddRange(diagnostics);
}
