using Palisade.Policy.Net;

namespace Palisade.Policy.Inventory;

/// <summary>Security groups being collected from one file or from several inventories, keyed by id.</summary>
internal sealed class GroupTable
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>True once <paramref name="id"/> was added.</summary>
    public bool Contains(string id) => _entries.ContainsKey(id);

    /// <summary>
    /// Records that <paramref name="id"/> exists, may be named <paramref name="name"/> (as said at
    /// <paramref name="source"/>, <c>file:line</c>) and has <paramref name="members"/>. Returns the earlier name and
    /// where it was given when the two names differ; the earlier name is kept.
    /// </summary>
    public (string Name, string Source)? Add(string id, string? name, string source, IEnumerable<Cidr> members)
    {
        if (!_entries.TryGetValue(id, out var entry)) _entries[id] = entry = new Entry();
        entry.Members.UnionWith(members);
        if (name is null) return null;
        if (entry.Name is null)
        {
            (entry.Name, entry.NameSource) = (name, source);
            return null;
        }
        return entry.Name == name ? null : (entry.Name, entry.NameSource!);
    }

    /// <summary>The groups, sorted by id, each with its members sorted.</summary>
    public IReadOnlyList<SecurityGroup> Groups() =>
        [.. _entries.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => new SecurityGroup(e.Key, e.Value.Name, CidrOrder.Sorted(e.Value.Members)))];

    /// <summary>For each named group, where its name was given (<c>file:line</c>).</summary>
    public IReadOnlyDictionary<string, string> NameSources() =>
        _entries.Where(e => e.Value.NameSource is not null).ToDictionary(e => e.Key, e => e.Value.NameSource!, StringComparer.Ordinal);

    private sealed class Entry
    {
        public string? Name { get; set; }

        public string? NameSource { get; set; }

        public HashSet<Cidr> Members { get; } = [];
    }
}
