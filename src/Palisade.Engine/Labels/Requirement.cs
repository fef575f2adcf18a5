namespace Palisade.Engine.Labels;

/// <summary>One requirement of a label selector. NotIn matches a set without the key, as in Kubernetes.</summary>
public sealed record Requirement(string Key, SelectorOperator Operator, IReadOnlyList<string> Values)
{
    /// <summary>True when <paramref name="labels"/> satisfy the requirement.</summary>
    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        var has = labels.TryGetValue(Key, out var value);
        return Operator switch
        {
            SelectorOperator.In => has && Values.Contains(value!),
            SelectorOperator.NotIn => !has || !Values.Contains(value!),
            SelectorOperator.Exists => has,
            _ => !has,
        };
    }

    /// <inheritdoc/>
    public override string ToString() => Operator switch
    {
        SelectorOperator.In when Values.Count == 1 => $"{Key}={Values[0]}",
        SelectorOperator.In => $"{Key} in ({string.Join(",", Values)})",
        SelectorOperator.NotIn => $"{Key} notin ({string.Join(",", Values)})",
        SelectorOperator.Exists => Key,
        _ => "!" + Key,
    };
}
