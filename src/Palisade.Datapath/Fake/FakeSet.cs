using Palisade.Datapath.Nft;

namespace Palisade.Datapath.Fake;

/// <summary>
/// A set held by the fake, with the kernel's rules for adding elements: an identical element is no error, the same key
/// with another value is (EEXIST); in an interval set of one part (the kernel's rbtree) no two elements may overlap, and
/// in a concatenated interval set (pipapo) a new element may not start or end inside an existing one.
/// </summary>
internal sealed class FakeSet(NftSet set, IEnumerable<KeyValuePair<string, NftElement>> elements)
{
    private readonly Dictionary<string, NftElement> elements = new(elements, StringComparer.Ordinal);

    /// <summary>The declaration.</summary>
    public NftSet Set { get; } = set;

    /// <summary>The elements.</summary>
    public IEnumerable<NftElement> Elements => elements.Values;

    /// <summary>A copy that shares the immutable elements.</summary>
    public FakeSet Clone() => new(Set, elements);

    /// <summary>Adds the element, or returns why the kernel would refuse it.</summary>
    public string? Add(NftElement element)
    {
        var key = element.KeyText();
        if (elements.TryGetValue(key, out var existing)) return existing == element ? null : $"element {key} exists with another value (File exists)";
        var clash = Set.Flags.HasFlag(NftSetFlags.Interval) ? Clash(element) : null;
        if (clash is not null)
        {
            return Set.Key.Parts.Count == 1
                ? $"element {key} overlaps element {clash.KeyText()}: interval overlaps with an existing one"
                : $"element {key} starts or ends inside element {clash.KeyText()} (File exists)";
        }
        elements.Add(key, element);
        return null;
    }

    /// <summary>Deletes the element with exactly this key, or returns why the kernel would refuse.</summary>
    public string? Delete(NftElement element) =>
        elements.Remove(element.KeyText()) ? null : $"element {element.KeyText()} does not exist (No such file or directory)";

    /// <summary>Deletes every element.</summary>
    public void Flush() => elements.Clear();

    /// <summary>The first element whose key covers <paramref name="key"/> (one number per key part), or null.</summary>
    /// <summary>The element keyed by interface <paramref name="name"/>, or null.</summary>
    public NftElement? FindInterface(string? name) => elements.Values.FirstOrDefault(e => e.Key[0].MatchesInterface(name));

    public NftElement? Find(IReadOnlyList<uint> key) => elements.Values.FirstOrDefault(e => Covers(e, key));

    private NftElement? Clash(NftElement element) => Set.Key.Parts.Count == 1
        ? elements.Values.FirstOrDefault(e => e.Overlaps(element))
        : elements.Values.FirstOrDefault(e => Covers(e, [.. element.Key.Select(k => k.Low)]) || Covers(e, [.. element.Key.Select(k => k.High)]));

    private static bool Covers(NftElement element, IReadOnlyList<uint> key) => element.Key.Zip(key).All(p => p.First.Contains(p.Second));
}
