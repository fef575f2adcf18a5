using System.Text;

namespace Palisade.Bench.Generation;

/// <summary>A tiny append-only YAML text builder: one call per line, indentation in steps of two spaces.</summary>
internal sealed class YamlText
{
    private readonly StringBuilder _sb = new();

    /// <summary>Appends <paramref name="text"/> indented by <paramref name="depth"/> levels.</summary>
    public YamlText Line(int depth, string text)
    {
        _sb.Append(' ', depth * 2).Append(text).Append('\n');
        return this;
    }

    /// <summary>Starts a new document.</summary>
    public YamlText Document() => Line(0, "---");

    /// <summary>A label map (<c>key: value</c> lines) at <paramref name="depth"/>.</summary>
    public YamlText Labels(int depth, IEnumerable<(string Key, string Value)> labels)
    {
        foreach (var (k, v) in labels) Line(depth, $"{k}: {v}");
        return this;
    }

    /// <inheritdoc/>
    public override string ToString() => _sb.ToString();
}
