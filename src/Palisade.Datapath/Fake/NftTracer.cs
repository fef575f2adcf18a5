using Palisade.Datapath.Nft;

namespace Palisade.Datapath.Fake;

/// <summary>
/// Walks one packet through the fake's base chains of one hook, in priority order (a tie keeps the order the chains
/// were made), as the kernel does: an accept ends only its own base chain, drop and reject end the walk; jump comes
/// back, goto does not, return goes back to the last jump (from a base chain, to its policy); a rule stops at its
/// first expression that does not hold (a lookup miss, a map without the key), and statements before it have run.
/// </summary>
internal sealed class NftTracer(FakeRuleset ruleset, Packet packet)
{
    private readonly List<NftTraceHit> hits = [];
    private readonly List<NftLog> logged = [];
    private uint mark = packet.Mark;
    private uint ctMark = packet.CtMark;
    private NftTraceHit? decidingRule;
    private NftChain? decidingPolicy;

    /// <summary>Traces the packet through <paramref name="hook"/>.</summary>
    public NftTrace Run(NftHookPoint hook)
    {
        if (packet.Family != NftFamily.Ip) throw new NftException("the tracer models IPv4 packets only: give the packet family ip");
        var verdict = NftVerdictKind.Accept;
        var chains = ruleset.Tables.SelectMany(t => t.Chains.Where(c => c.Chain.Hook?.Point == hook).Select(c => (Table: t, Chain: c)));
        foreach (var (table, chain) in chains.OrderBy(p => p.Chain.Chain.Hook!.Priority))
        {
            verdict = RunBase(table, chain);
            if (verdict != NftVerdictKind.Accept) break;
        }
        return new NftTrace(verdict, hits, decidingRule, decidingPolicy, mark, ctMark) { Logged = logged };
    }

    private NftVerdictKind RunBase(FakeTable table, FakeChain start)
    {
        var stack = new Stack<(FakeChain Chain, int Next)>([(start, 0)]);
        while (stack.Count > 0)
        {
            var (chain, next) = stack.Pop();
            if (next >= chain.Rules.Count) continue;
            stack.Push((chain, next + 1));
            var verdict = RunRule(table, chain, next);
            if (verdict is null) continue;
            if (verdict.IsFinal) return verdict.Kind;
            if (verdict.Kind is NftVerdictKind.Return or NftVerdictKind.Goto) stack.Pop();
            if (verdict.Chain is { } target) stack.Push((table.Chain(target)!, 0));
        }
        (decidingRule, decidingPolicy) = (null, start.Chain);
        return start.Chain.Hook!.Policy == NftPolicy.Accept ? NftVerdictKind.Accept : NftVerdictKind.Drop;
    }

    private NftVerdict? RunRule(FakeTable table, FakeChain chain, int index)
    {
        var rule = chain.Rules[index];
        foreach (var statement in rule.Statements)
        {
            var (holds, verdict) = Evaluate(table, statement);
            if (!holds) return null;
            if (verdict is null) continue;
            var hit = Hit(chain, index);
            if (verdict.IsFinal) (decidingRule, decidingPolicy) = (hit, null);
            return verdict;
        }
        Hit(chain, index);
        return null;
    }

    private NftTraceHit Hit(FakeChain chain, int index)
    {
        var hit = new NftTraceHit(chain.Chain, index, chain.Rules[index]);
        hits.Add(hit);
        return hit;
    }

    private (bool Holds, NftVerdict? Verdict) Evaluate(FakeTable table, NftStatement statement) => statement switch
    {
        NftMatch match => (Matches(match), null),
        NftMaskMatch masked => ((Number(masked.Field) & masked.Mask) == masked.Value, null),
        NftLookup lookup => ((Find(table, lookup.Set, lookup.Key) is not null) != lookup.Negated, null),
        NftVerdictMap map => Find(table, map.Map, map.Key) is { } element ? (true, element.Verdict) : (false, null),
        NftMarkSet set => (WriteMark(table, set), null),
        NftVerdictStatement verdict => (true, verdict.Verdict),
        NftLog log => Log(log),
        NftSample => (false, null),   // every traced packet is the sampled one
        _ => (true, null),
    };

    private (bool, NftVerdict?) Log(NftLog log)
    {
        logged.Add(log);
        return (true, null);
    }

    private bool Matches(NftMatch match)
    {
        var any = NftSyntax.TypeOf(match.Field) == NftDataType.IfName
            ? match.Values.Any(v => v.MatchesInterface(match.Field == NftField.IifName ? packet.Iif : packet.Oif))
            : match.Values.Any(v => v.Contains(Number(match.Field)));
        return any != match.Negated;
    }

    private bool WriteMark(FakeTable table, NftMarkSet set)
    {
        var value = set.Value ?? Find(table, set.Map!, set.Key!)?.Mark?.Low;
        if (value is not { } v) return false;
        if (set.Target == NftMarkTarget.Meta) mark = v;
        else ctMark = v;
        return true;
    }

    private NftElement? Find(FakeTable table, string set, IReadOnlyList<NftField> key) => key is [NftField.IifName or NftField.OifName]
        ? table.Set(set)!.FindInterface(key[0] == NftField.IifName ? packet.Iif : packet.Oif)
        : table.Set(set)!.Find([.. key.Select(Number)]);

    private uint Number(NftField field) => field switch
    {
        NftField.CtState => (uint)packet.CtState,
        NftField.MetaL4Proto => (uint)packet.L4Proto,
        NftField.IpSaddr => NftValue.ToNumber(packet.Saddr),
        NftField.IpDaddr => NftValue.ToNumber(packet.Daddr),
        NftField.ThSport => (uint)packet.Sport,
        NftField.ThDport => (uint)packet.Dport,
        NftField.MetaMark => mark,
        NftField.CtMark => ctMark,
        NftField.MetaNfProto => NftValue.Ipv4Family,   // the tracer models IPv4 packets only
        _ => 0,
    };
}
