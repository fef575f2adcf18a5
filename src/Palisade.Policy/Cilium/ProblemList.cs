using Palisade.Policy.Diagnostics;
using Palisade.Policy.Validation;
using Palisade.Policy.Yaml;

namespace Palisade.Policy.Cilium;

/// <summary>Collects the problems of one policy; validators add to it and never stop at the first.</summary>
internal sealed class ProblemList
{
    private readonly List<ValidationProblem> _items = [];

    public IReadOnlyList<ValidationProblem> Items => _items;

    public void Error(FieldPath path, string message, string? hint = null) => _items.Add(new(Severity.Error, path, message, hint));

    public void Warning(FieldPath path, string message, string? hint = null) => _items.Add(new(Severity.Warning, path, message, hint));

    public void AddRange(IEnumerable<ValidationProblem> problems) => _items.AddRange(problems);

    /// <summary>Calls <paramref name="check"/> for each non-null item (null items failed to bind and were reported).</summary>
    public void Each<T>(IReadOnlyList<T?>? items, FieldPath path, Action<T, FieldPath, ProblemList> check)
        where T : class
    {
        for (var i = 0; i < (items?.Count ?? 0); i++)
        {
            if (items![i] is { } item) check(item, path.Index(i), this);
        }
    }

    /// <summary>Reports that Palisade does not support a field that Cilium accepts.</summary>
    public void Unsupported(FieldPath path, string what, string why, string? hint = null) =>
        Error(path, $"{what} is not supported by Palisade: {why}", hint);
}
