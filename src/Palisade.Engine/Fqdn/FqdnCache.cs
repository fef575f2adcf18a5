using Palisade.Engine.L7;
using Palisade.Policy.Inventory;
using Palisade.Policy.Net;

namespace Palisade.Engine.Fqdn;

/// <summary>
/// One name → address mapping the DNS proxy learned: <see cref="Name"/> is normalised (lower case, trailing dot,
/// <see cref="DnsNamePattern.Normalize"/>), also when set through <c>with</c>. The entry is live while
/// <see cref="LearnedAt"/> + <see cref="TtlSeconds"/> is after the time asked about. <see cref="SourceEndpoint"/> says
/// who asked (<c>namespace/pod</c>, or whatever the input gave), when known.
/// </summary>
public sealed record FqdnCacheEntry(string Name, IpAddressValue Address, int TtlSeconds, DateTimeOffset LearnedAt, string? SourceEndpoint)
{
    private readonly string _name = DnsNamePattern.Normalize(Name);

    /// <summary>The DNS name, lower case with a trailing dot.</summary>
    public string Name
    {
        get => _name;
        init => _name = DnsNamePattern.Normalize(value);
    }

    /// <summary>When the entry stops being live (the latest representable time if that is later).</summary>
    public DateTimeOffset ExpiresAt =>
        DateTimeOffset.MaxValue - LearnedAt < TimeSpan.FromSeconds(TtlSeconds) ? DateTimeOffset.MaxValue : LearnedAt.AddSeconds(TtlSeconds);

    /// <summary>True while the entry is live at <paramref name="now"/> (<see cref="ExpiresAt"/> is after it).</summary>
    public bool IsLiveAt(DateTimeOffset now) => ExpiresAt > now;
}

/// <summary>
/// The names the DNS proxy resolved and the addresses it learned for them: what toFQDNs peers select. Entries keep
/// the order in which they were first added, so every listing is deterministic; adding the same name and address
/// again replaces that entry in place (new TTL, time and source). Not thread-safe; <see cref="Entries"/> is a
/// snapshot that later additions do not change.
/// </summary>
public sealed class FqdnCache
{
    private readonly List<FqdnCacheEntry> _entries = [];
    private readonly Dictionary<(string Name, IpAddressValue Address), int> _index = [];
    private FqdnCacheEntry[]? _snapshot;

    /// <summary>An empty cache.</summary>
    public FqdnCache()
    {
    }

    /// <summary>A cache holding <paramref name="entries"/>, added in order.</summary>
    public FqdnCache(IEnumerable<FqdnCacheEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        foreach (var entry in entries) Add(entry);
    }

    /// <summary>
    /// A cache holding the records of a <c>--dns-cache</c> file, in file order, learned at the time the file gives (the
    /// epoch when it gives none). Records whose address does not parse are skipped; the file parser has rejected them.
    /// </summary>
    public static FqdnCache From(IEnumerable<DnsCacheRecord> records) =>
        new(records.Select(r => IpAddressValue.TryParse(r.Address, out var address)
                ? new FqdnCacheEntry(r.Name, address, r.TtlSeconds, r.LearnedAt ?? DateTimeOffset.UnixEpoch, r.Source)
                : null)
            .OfType<FqdnCacheEntry>());

    /// <summary>Every entry, live or not, in the order names and addresses were first added.</summary>
    public IReadOnlyList<FqdnCacheEntry> Entries => _snapshot ??= [.. _entries];

    /// <summary>How many (name, address) entries the cache holds.</summary>
    public int Count => _entries.Count;

    /// <summary>Adds an entry, or replaces the entry with the same name and address (keeping its position).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The TTL is negative.</exception>
    public void Add(FqdnCacheEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentOutOfRangeException.ThrowIfNegative(entry.TtlSeconds, nameof(entry));
        var key = (entry.Name, entry.Address);
        if (_index.TryGetValue(key, out var at))
        {
            _entries[at] = entry;
        }
        else
        {
            _index[key] = _entries.Count;
            _entries.Add(entry);
        }
        _snapshot = null;
    }

    /// <summary>
    /// The entries whose name <paramref name="pattern"/> matches, in cache order. With <paramref name="now"/>, only
    /// entries still live then; without it (analysis of a cache dump) expiry is ignored.
    /// </summary>
    public IEnumerable<FqdnCacheEntry> Matching(DnsNamePattern pattern, DateTimeOffset? now = null)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return Entries.Where(e => (now is not { } t || e.IsLiveAt(t)) && pattern.Matches(e.Name));
    }

    /// <summary>
    /// The distinct names cached for <paramref name="address"/>, in cache order; with <paramref name="now"/>, only
    /// names whose entry is still live then.
    /// </summary>
    public IEnumerable<string> NamesOf(IpAddressValue address, DateTimeOffset? now = null) =>
        Entries.Where(e => e.Address == address && (now is not { } t || e.IsLiveAt(t))).Select(e => e.Name).Distinct(StringComparer.Ordinal);
}
