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
    /// <summary>
    /// The deepest nesting read. Real manifests stay far below it; the limit keeps a hostile input from exhausting the
    /// stack, which would crash the process instead of producing a diagnostic.
    /// </summary>
    public const int MaxDepth = 200;

    /// <summary>
    /// The most nodes that aliases may add to a document. Aliases are shared, not copied, but binding walks every use,
    /// so a few lines of nested aliases ("billion laughs") would otherwise take hours.
    /// </summary>
    public const int MaxAliasNodes = 100_000;

    /// <summary>Parses <paramref name="text"/>; syntax errors are added to <paramref name="diagnostics"/>.</summary>
    public static IReadOnlyList<YDocument> Read(string file, string text, DiagnosticBag diagnostics)
    {
        var documents = new List<YDocument>();
        var parser = new Parser(new StringReader(text));
        try
        {
            parser.Consume<StreamStart>();
            while (parser.TryConsume<DocumentStart>(out _))
            {
                var root = new DocumentReader(parser, file, diagnostics).ReadNode(FieldPath.Root, 0);
                parser.Consume<DocumentEnd>();
                if (root is not YScalar { Kind: ScalarKind.Null }) documents.Add(new YDocument(file, documents.Count, root));
            }
        }
        catch (YamlException ex)
        {
            var message = Clean(ex);
            var at = message.Contains(" tab ", StringComparison.Ordinal) ? LeadingTab(text, ex.Start) : ex.Start;
            diagnostics.Add(SyntaxError(file, at, message, (ex as LimitException)?.Hint));
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet fails this way on some malformed input (content after "...", a tag that is not a URI); the
            // error is just past the last event it parsed.
            var at = parser.Current?.End ?? Mark.Empty;
            diagnostics.Add(ex is ArgumentException { ParamName: { } name }
                ? SyntaxError(file, at, ex.Message.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal), null)
                : SyntaxError(file, at, "cannot parse past this point", "look for an unclosed bracket, brace or quote, or text after a \"...\" document end"));
        }
        return documents;
    }

    private static Diagnostic SyntaxError(string file, Mark at, string message, string? hint) =>
        new(Severity.Error, new SourceLocation(file, Math.Max(1, (int)at.Line), Math.Max(1, (int)at.Column)), "",
            $"not valid YAML or JSON: {message}", hint ?? "fix the syntax at this line; indentation must use spaces");

    /// <summary>
    /// Where a tab is used as indentation: YamlDotNet reports such errors at the start of the enclosing mapping, which
    /// can be hundreds of lines earlier. The first line from <paramref name="from"/> on with a tab in its indentation.
    /// </summary>
    private static Mark LeadingTab(string text, Mark from)
    {
        var lines = text.Split('\n');
        for (var i = (int)Math.Max(0, from.Line - 1); i < lines.Length; i++)
        {
            var indent = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
            var tab = lines[i].IndexOf('\t', 0, indent);
            if (tab >= 0) return new Mark(0, i + 1, tab + 1);
        }
        return from;
    }

    private static string Clean(YamlException ex)
    {
        var message = ex.InnerException?.Message ?? ex.Message;
        var i = message.IndexOf("): ", StringComparison.Ordinal);
        return i >= 0 && message.StartsWith('(') ? message[(i + 3)..] : message;
    }

    /// <summary>Reads the nodes of one document; anchors are local to it.</summary>
    private sealed class DocumentReader(IParser parser, string file, DiagnosticBag diagnostics)
    {
        private readonly Dictionary<string, (YNode Node, long Size)> _anchors = new(StringComparer.Ordinal);
        private long _nodes;
        private long _aliasNodes;

        public YNode ReadNode(FieldPath path, int depth)
        {
            var ev = parser.Consume<ParsingEvent>();
            var (line, col) = ((int)ev.Start.Line, (int)ev.Start.Column);
            if (depth > MaxDepth && ev is SequenceStart or MappingStart)
            {
                throw new LimitException(ev.Start, ev.End, $"nested more than {MaxDepth} levels deep", "flatten the document; no Kubernetes object nests this deep");
            }
            var nodesBefore = _nodes++;
            YNode node = ev switch
            {
                AnchorAlias alias => Resolve(alias),
                Scalar s => new YScalar(s.Value, s.Style != ScalarStyle.Plain, line, col),
                SequenceStart => ReadSequence(path, depth, line, col),
                MappingStart => ReadMapping(path, depth, line, col),
                _ => throw new YamlException(ev.Start, ev.End, "unexpected YAML event"),
            };
            if (ev is NodeEvent { Anchor.IsEmpty: false } named) _anchors[named.Anchor.Value] = (node, _nodes - nodesBefore);
            return node;
        }

        private YNode Resolve(AnchorAlias alias)
        {
            if (!_anchors.TryGetValue(alias.Value.Value, out var target))
            {
                throw new YamlException(alias.Start, alias.End, $"unknown alias *{alias.Value.Value}");
            }
            _nodes += target.Size - 1;
            _aliasNodes += target.Size;
            if (_aliasNodes > MaxAliasNodes)
            {
                throw new LimitException(alias.Start, alias.End, $"aliases expand to more than {MaxAliasNodes} nodes", "write the repeated parts out, or use fewer nested aliases");
            }
            return target.Node;
        }

        private YSequence ReadSequence(FieldPath path, int depth, int line, int col)
        {
            var items = new List<YNode>();
            while (!parser.TryConsume<SequenceEnd>(out _)) items.Add(ReadNode(path.Index(items.Count), depth + 1));
            return new YSequence(items, line, col);
        }

        private YMapping ReadMapping(FieldPath path, int depth, int line, int col)
        {
            var entries = new List<KeyValuePair<YScalar, YNode>>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                if (ReadNode(path, depth + 1) is not YScalar key)
                {
                    throw new YamlException(parser.Current!.Start, parser.Current.End, "a mapping key must be a plain string");
                }
                var value = ReadNode(path.Field(key.Value), depth + 1);
                if (!seen.Add(key.Value))
                {
                    diagnostics.Add(new Diagnostic(Severity.Error, new SourceLocation(file, key.Line, key.Column), path.Field(key.Value).ToString(),
                        $"duplicate key \"{key.Value}\"", "remove one of the two; the API server rejects duplicate fields"));
                    continue;
                }
                entries.Add(new(key, value));
            }
            return new YMapping(entries, line, col);
        }
    }

    /// <summary>A size limit of <see cref="YamlReader"/> was exceeded; reported like a syntax error, with its own hint.</summary>
    private sealed class LimitException(Mark start, Mark end, string message, string hint) : YamlException(start, end, message)
    {
        public string Hint { get; } = hint;
    }
}
