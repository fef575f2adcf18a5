namespace Palisade.Policy.Yaml;

/// <summary>Finds the node a field path points to, or the deepest ancestor that exists.</summary>
public static class NodeLocator
{
    /// <summary>Walks <paramref name="path"/> from <paramref name="root"/> as far as the tree allows.</summary>
    public static YNode Find(YNode root, FieldPath path)
    {
        var node = root;
        foreach (var segment in path.Segments)
        {
            var next = Step(node, segment);
            if (next is null) return node;
            node = next;
        }
        return node;
    }

    private static YNode? Step(YNode node, object segment) => (node, segment) switch
    {
        (YMapping m, string key) => m[key] ?? m.KeyNode(key),
        (YSequence s, int i) when i >= 0 && i < s.Items.Count => s.Items[i],
        _ => null,
    };
}
