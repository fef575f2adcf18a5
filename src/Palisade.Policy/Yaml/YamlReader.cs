using Palisade.Policy.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Palisade.Policy.Yaml;

/// <summary>
/// Reads a multi-document YAML or JSON stream into <see cref="YDocument"/>s with positions. A syntax error becomes
/// one diagnostic naming the line; documents before it are kept, the rest of that stream is not read.
/// </summary>
public static class YamlReader
{
    /// <summary>Parses <paramref name="text"/>; syntax errors are added to <paramref name="diagnostics"/>.</summary>
    public static IReadOnlyList<YDocument> Read(string file, string text, DiagnosticBag diagnostics)
    {
        var documents = new List<YDocument>();
        try
        {
            var parser = new Parser(new StringReader(text));
            parser.Consume<StreamStart>();
            while (parser.TryConsume<DocumentStart>(out _))
            {
                var anchors = new Dictionary<string, YNode>(StringComparer.Ordinal);
                var root = ReadNode(parser, anchors, file, diagnostics);
                parser.Consume<DocumentEnd>();
                if (root is not YScalar { Kind: ScalarKind.Null }) documents.Add(new YDocument(file, documents.Count, root));
            }
        }
        catch (YamlException ex)
        {
            diagnostics.Add(new Diagnostic(Severity.Error, new SourceLocation(file, (int)ex.Start.Line, (int)ex.Start.Column), "",
                $"not valid YAML or JSON: {Clean(ex)}", "fix the syntax at this line; indentation must use spaces"));
        }
        return documents;
    }

    private static string Clean(YamlException ex)
    {
        var message = ex.InnerException?.Message ?? ex.Message;
        var i = message.IndexOf("): ", StringComparison.Ordinal);
        return i >= 0 && message.StartsWith('(') ? message[(i + 3)..] : message;
    }

    private static YNode ReadNode(IParser parser, Dictionary<string, YNode> anchors, string file, DiagnosticBag diagnostics)
    {
        var ev = parser.Consume<ParsingEvent>();
        var (line, col) = ((int)ev.Start.Line, (int)ev.Start.Column);
        YNode node = ev switch
        {
            AnchorAlias alias => anchors.TryGetValue(alias.Value.Value, out var target)
                ? target
                : throw new YamlException(ev.Start, ev.End, $"unknown alias *{alias.Value.Value}"),
            Scalar s => new YScalar(s.Value, s.Style != ScalarStyle.Plain, line, col),
            SequenceStart => ReadSequence(parser, anchors, file, diagnostics, line, col),
            MappingStart => ReadMapping(parser, anchors, file, diagnostics, line, col),
            _ => throw new YamlException(ev.Start, ev.End, "unexpected YAML event"),
        };
        if (ev is NodeEvent { Anchor.IsEmpty: false } named) anchors[named.Anchor.Value] = node;
        return node;
    }

    private static YSequence ReadSequence(IParser parser, Dictionary<string, YNode> anchors, string file, DiagnosticBag diagnostics, int line, int col)
    {
        var items = new List<YNode>();
        while (!parser.TryConsume<SequenceEnd>(out _)) items.Add(ReadNode(parser, anchors, file, diagnostics));
        return new YSequence(items, line, col);
    }

    private static YMapping ReadMapping(IParser parser, Dictionary<string, YNode> anchors, string file, DiagnosticBag diagnostics, int line, int col)
    {
        var entries = new List<KeyValuePair<YScalar, YNode>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            if (ReadNode(parser, anchors, file, diagnostics) is not YScalar key)
            {
                throw new YamlException(parser.Current!.Start, parser.Current.End, "a mapping key must be a plain string");
            }
            var value = ReadNode(parser, anchors, file, diagnostics);
            if (!seen.Add(key.Value))
            {
                diagnostics.Add(new Diagnostic(Severity.Error, new SourceLocation(file, key.Line, key.Column), key.Value,
                    $"duplicate key \"{key.Value}\"", "remove one of the two; the API server rejects duplicate fields"));
                continue;
            }
            entries.Add(new(key, value));
        }
        return new YMapping(entries, line, col);
    }
}
