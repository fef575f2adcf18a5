namespace Palisade.Observe.Flows;

/// <summary>
/// A Kubernetes label selector in its string form (<c>app=web,tier!=db</c>, <c>env in (a,b)</c>,
/// <c>!canary</c>), matched against Cilium labels as Hubble's label filter does: a key may carry a
/// Cilium source prefix (<c>k8s:app=web</c>) and then only labels of that source (or of source
/// <c>any</c>) match; a key without a prefix matches a label of any source. All requirements must hold.
/// </summary>
internal sealed class LabelSelector
{
    private enum Operator { Exists, NotExists, In, NotIn }

    private sealed record Requirement(string? Source, string Key, Operator Op, string[] Values);

    private readonly Requirement[] requirements;

    private LabelSelector(Requirement[] requirements) => this.requirements = requirements;

    /// <summary>Parses a selector; throws <see cref="FlowFilterException"/> when it is malformed.</summary>
    public static LabelSelector Parse(string text)
    {
        var terms = SplitTopLevel(text);
        if (terms.Count == 0)
        {
            throw new FlowFilterException($"invalid label selector \"{text}\": it is empty");
        }
        return new LabelSelector([.. terms.Select(t => ParseRequirement(t, text))]);
    }

    /// <summary>Whether every requirement holds for the labels.</summary>
    public bool Matches(IReadOnlyList<CiliumLabel> labels) => requirements.All(r => Holds(r, labels));

    private static bool Holds(Requirement r, IReadOnlyList<CiliumLabel> labels)
    {
        var candidates = labels.Where(l => l.Key == r.Key && SourceMatches(r.Source, l.Source));
        return r.Op switch
        {
            Operator.Exists => candidates.Any(),
            Operator.NotExists => !candidates.Any(),
            Operator.In => candidates.Any(l => r.Values.Contains(l.Value, StringComparer.Ordinal)),
            _ => !candidates.Any(l => r.Values.Contains(l.Value, StringComparer.Ordinal)),
        };
    }

    private static bool SourceMatches(string? wanted, string actual) =>
        wanted is null or CiliumLabel.AnySource || actual == CiliumLabel.AnySource || wanted == actual;

    private static List<string> SplitTopLevel(string text)
    {
        var terms = new List<string>();
        int depth = 0, start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || (text[i] == ',' && depth == 0))
            {
                var term = text[start..i].Trim();
                if (term.Length > 0)
                {
                    terms.Add(term);
                }
                start = i + 1;
            }
            else if (text[i] == '(')
            {
                depth++;
            }
            else if (text[i] == ')')
            {
                depth--;
            }
        }
        return terms;
    }

    private static Requirement ParseRequirement(string term, string selector)
    {
        if (term.StartsWith('!'))
        {
            return Make(term[1..].Trim(), Operator.NotExists, [], selector);
        }
        foreach (var (word, op) in new[] { (" notin ", Operator.NotIn), (" in ", Operator.In) })
        {
            var at = term.IndexOf(word, StringComparison.Ordinal);
            if (at > 0)
            {
                return Make(term[..at].Trim(), op, ParseSet(term[(at + word.Length)..].Trim(), selector), selector);
            }
        }
        foreach (var (token, op) in new[] { ("!=", Operator.NotIn), ("==", Operator.In), ("=", Operator.In) })
        {
            var at = term.IndexOf(token, StringComparison.Ordinal);
            if (at > 0)
            {
                return Make(term[..at].Trim(), op, [term[(at + token.Length)..].Trim()], selector);
            }
        }
        return Make(term, Operator.Exists, [], selector);
    }

    private static string[] ParseSet(string set, string selector)
    {
        if (!set.StartsWith('(') || !set.EndsWith(')'))
        {
            throw new FlowFilterException($"invalid label selector \"{selector}\": a set must be written (a,b)");
        }
        return [.. set[1..^1].Split(',').Select(v => v.Trim())];
    }

    private static Requirement Make(string key, Operator op, string[] values, string selector)
    {
        if (key.Length == 0 || key.Any(c => char.IsWhiteSpace(c) || c is '(' or ')' or '=' or '!'))
        {
            throw new FlowFilterException($"invalid label selector \"{selector}\": bad key \"{key}\"");
        }
        if (values.Any(v => v.Any(c => char.IsWhiteSpace(c) || c is '(' or ')' or ',' or '=')))
        {
            throw new FlowFilterException($"invalid label selector \"{selector}\": bad value in \"{key}\"");
        }
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        return colon < 0
            ? new Requirement(null, key, op, values)
            : new Requirement(key[..colon], key[(colon + 1)..], op, values);
    }
}
