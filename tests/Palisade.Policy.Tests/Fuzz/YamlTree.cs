using System.Text;

namespace Palisade.Policy.Tests.Fuzz;

/// <summary>A generated YAML value: a scalar (already written as YAML), a list, or a mapping; rendered in block or flow style.</summary>
internal abstract record YamlTree
{
    public sealed record Scalar(string Text) : YamlTree;

    public sealed record List(YamlTree[] Items) : YamlTree;

    public sealed record Map((string Key, YamlTree Value)[] Entries) : YamlTree;

    /// <summary>The document as block YAML (with flow style for empty collections and, when asked, for everything).</summary>
    public string Render(bool flow)
    {
        var sb = new StringBuilder();
        if (flow) RenderFlow(sb);
        else RenderBlock(sb, 0);
        return sb.ToString();
    }

    private void RenderFlow(StringBuilder sb)
    {
        switch (this)
        {
            case Scalar s: sb.Append(s.Text); break;
            case List l:
                sb.Append('[');
                for (var i = 0; i < l.Items.Length; i++)
                {
                    if (i > 0) sb.Append(", ");
                    l.Items[i].RenderFlow(sb);
                }
                sb.Append(']');
                break;
            case Map m:
                sb.Append('{');
                for (var i = 0; i < m.Entries.Length; i++)
                {
                    if (i > 0) sb.Append(", ");
                    sb.Append(m.Entries[i].Key).Append(": ");
                    m.Entries[i].Value.RenderFlow(sb);
                }
                sb.Append('}');
                break;
        }
    }

    private void RenderBlock(StringBuilder sb, int indent)
    {
        var pad = new string(' ', indent);
        switch (this)
        {
            case Map { Entries.Length: > 0 } m:
                foreach (var (key, value) in m.Entries)
                {
                    sb.Append(pad).Append(key).Append(':');
                    RenderChild(sb, value, indent + 2);
                }
                break;
            case List { Items.Length: > 0 } l:
                foreach (var item in l.Items)
                {
                    sb.Append(pad).Append('-');
                    RenderChild(sb, item, indent + 2);
                }
                break;
            default:
                sb.Append(pad);
                RenderFlow(sb);
                sb.Append('\n');
                break;
        }
    }

    private static void RenderChild(StringBuilder sb, YamlTree child, int indent)
    {
        if (child is Map { Entries.Length: > 0 } or List { Items.Length: > 0 })
        {
            sb.Append('\n');
            child.RenderBlock(sb, indent);
            return;
        }
        sb.Append(' ');
        child.RenderFlow(sb);
        sb.Append('\n');
    }
}
