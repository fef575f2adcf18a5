using System.Globalization;
using Google.Protobuf.WellKnownTypes;

namespace Palisade.Observe.Api;

/// <summary>
/// Turns the flags of <c>palisade observe</c>, in command-line order, into a <see cref="GetFlowsRequest"/> as
/// <c>hubble observe</c> does: filter flags fill the whitelist, and <c>--not</c> sends the one filter flag after
/// it to the blacklist. Selection: <c>--last N</c>, <c>--first N</c>, <c>--all</c>, <c>-f/--follow</c>,
/// <c>--since</c>, <c>--until</c> (ignored with follow); with none of them the last 20 flows.
/// </summary>
internal static class ObserveRequestBuilder
{
    /// <summary>How many flows a request without a selection returns (Hubble's default).</summary>
    public const ulong DefaultCount = 20;

    private static readonly Dictionary<string, string> ShortNames = new(StringComparer.Ordinal)
    {
        ["n"] = "namespace", ["l"] = "label", ["f"] = "follow", ["t"] = "type",
    };

    private sealed class Selection
    {
        public ulong Last, First;
        public bool All, Follow;
        public DateTimeOffset? Since, Until;
    }

    /// <summary>
    /// Builds the request. <paramref name="flags"/> are (flag, value) pairs in command-line order; a flag is
    /// written <c>--name</c>, <c>-n</c> or <c>name</c>; switches (<c>--follow</c>, <c>--not</c>, <c>--all</c>,
    /// <c>--ipv4</c>) take a null value. Throws <see cref="ObserveFlagException"/> naming the bad flag.
    /// </summary>
    public static GetFlowsRequest Build(IEnumerable<(string Flag, string? Value)> flags, DateTimeOffset now)
    {
        var selection = new Selection();
        var whitelist = new FilterTracker();
        var blacklist = new FilterTracker();
        var negate = false;
        foreach (var (flag, value) in flags)
        {
            var name = Normalize(flag);
            if (name == "not")
            {
                if (negate)
                {
                    throw new ObserveFlagException("--not", "consecutive --not statements");
                }
                negate = true;
            }
            else if (ObserveFilterFlags.Names.Contains(name))
            {
                ObserveFilterFlags.Set(negate ? blacklist : whitelist, name, value);
                negate = false;
            }
            else
            {
                Select(selection, name, value, now);
            }
        }
        if (negate)
        {
            throw new ObserveFlagException("--not", "--not must be followed by a filter flag");
        }
        return Request(selection, whitelist, blacklist);
    }

    private static string Normalize(string flag)
    {
        var name = flag.TrimStart('-');
        return ShortNames.GetValueOrDefault(name, name);
    }

    private static void Select(Selection s, string name, string? value, DateTimeOffset now)
    {
        switch (name)
        {
            case "last": s.Last = Count(name, value); break;
            case "first": s.First = Count(name, value); break;
            case "all": s.All = Switch(name, value); break;
            case "follow": s.Follow = Switch(name, value); break;
            case "since": s.Since = ObserveTime.Parse("--since", value, now); break;
            case "until": s.Until = ObserveTime.Parse("--until", value, now); break;
            default: throw new ObserveFlagException("--" + name, $"unknown flag --{name}");
        }
    }

    private static GetFlowsRequest Request(Selection s, FilterTracker whitelist, FilterTracker blacklist)
    {
        Conflict(s.First > 0 && s.Last > 0, "--first", "cannot set both --first and --last");
        Conflict(s.First > 0 && s.All, "--first", "cannot set both --first and --all");
        Conflict(s.First > 0 && s.Follow, "--first", "cannot set both --first and --follow");
        Conflict(s.Last > 0 && s.All, "--last", "cannot set both --last and --all");
        var until = s.Follow ? null : s.Until;
        var number = s.First > 0 ? s.First : s.Last;
        if (s.Since is null && until is null && s.First == 0 && !s.All && s.Last == 0 && !s.Follow)
        {
            number = DefaultCount;
        }
        var request = new GetFlowsRequest
        {
            Number = number,
            First = s.First > 0,
            Follow = s.Follow,
            Since = s.Since is { } since ? Timestamp.FromDateTimeOffset(since) : null,
            Until = until is { } u ? Timestamp.FromDateTimeOffset(u) : null,
        };
        request.Whitelist.AddRange(whitelist.Materialize());
        request.Blacklist.AddRange(blacklist.Materialize());
        return request;
    }

    private static void Conflict(bool conflicting, string flag, string message)
    {
        if (conflicting)
        {
            throw new ObserveFlagException(flag, message);
        }
    }

    private static ulong Count(string flag, string? value) =>
        ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new ObserveFlagException("--" + flag, $"invalid --{flag} value \"{value}\": expected a number of flows");

    private static bool Switch(string flag, string? value) => value?.ToLowerInvariant() switch
    {
        null or "" or "true" => true,
        "false" => false,
        _ => throw new ObserveFlagException("--" + flag, $"invalid --{flag} value \"{value}\": expected true or false"),
    };
}
