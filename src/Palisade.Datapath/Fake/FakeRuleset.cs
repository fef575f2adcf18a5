using Palisade.Datapath.Nft;

namespace Palisade.Datapath.Fake;

/// <summary>
/// The fake kernel's state, and the kernel's rules for each command of the supported subset. A transaction runs on a
/// clone, command by command, and replaces the state only when every command and the final loop check passed.
/// </summary>
internal sealed class FakeRuleset(IEnumerable<FakeTable> tables)
{
    private const string NotFound = "No such file or directory";
    private const string Exists = "File exists";
    private const string Busy = "Device or resource busy";

    private readonly List<FakeTable> tables = [.. tables];

    /// <summary>The tables, in the order they were made.</summary>
    public IReadOnlyList<FakeTable> Tables => tables;

    /// <summary>The table, or null.</summary>
    public FakeTable? Table(NftTable table) => tables.Find(t => t.Table == table);

    /// <summary>A deep copy of the mutable parts.</summary>
    public FakeRuleset Clone() => new(tables.Select(t => t.Clone()));

    /// <summary>What exists, as a catalogue.</summary>
    public NftCatalog Catalog()
    {
        var catalog = NftCatalog.Empty;
        foreach (var table in tables)
        {
            catalog = catalog.With(table.Table);
            foreach (var chain in table.Chains) catalog = catalog.With(chain.Chain);
            foreach (var set in table.Sets) catalog = catalog.With(set.Set);
        }
        return catalog;
    }

    /// <summary>Applies one command as the kernel would.</summary>
    /// <exception cref="NftException">The kernel would refuse it.</exception>
    public void Apply(NftCommand command)
    {
        switch (command)
        {
            case NftCommand.AddTable c: if (Table(c.Table) is null) tables.Add(new FakeTable(c.Table, [], [])); break;
            case NftCommand.AddChain c: AddChain(c); break;
            case NftCommand.AddSet c: AddSet(c); break;
            case NftCommand.AddRule c: AddRule(c); break;
            case NftCommand.AddElements c: ChangeElements(c, c.Set, c.Elements, (set, e) => set.Add(set.Set.Check(e))); break;
            case NftCommand.DeleteElements c: ChangeElements(c, c.Set, c.Elements, (set, e) => set.Delete(e)); break;
            case NftCommand.FlushChain c: ChainOf(c, c.Chain).Rules.Clear(); break;
            case NftCommand.FlushSet c: FlushSet(c); break;
            case NftCommand.DeleteTable c: tables.Remove(TableOf(c, c.Table)); break;
            case NftCommand.DeleteChain c: DeleteChain(c); break;
            case NftCommand.DeleteSet c: DeleteSet(c); break;
            default: throw new NftException($"{command}: the fake does not model this command");
        }
    }

    /// <summary>Refuses the state when a base chain can reach a jump loop (the kernel checks at commit).</summary>
    /// <exception cref="NftException">There is a loop.</exception>
    public void CheckLoops()
    {
        foreach (var table in tables)
        {
            var loop = FakeLoops.Find(table);
            if (loop is not null) throw new NftException($"table {table.Table}: chains jump in a loop ({string.Join(" -> ", loop)}) (Too many links)");
        }
    }

    private void AddChain(NftCommand.AddChain c)
    {
        var table = TableOf(c, c.Chain.Table);
        var existing = table.Chain(c.Chain.Name);
        if (existing is null) table.Chains.Add(new FakeChain(c.Chain, []));
        else if (existing.Chain.Hook is null != c.Chain.Hook is null || (c.Chain.Hook is { } hook && !existing.Chain.Hook!.SameAttachment(hook))) throw Refused(c, $"chain {existing.Chain} exists with another hook", Exists);
        else existing.Chain = c.Chain;
    }

    private void AddSet(NftCommand.AddSet c)
    {
        var table = TableOf(c, c.Set.Table);
        var existing = table.Set(c.Set.Name);
        if (existing is null) table.Sets.Add(new FakeSet(c.Set, []));
        else if (existing.Set != c.Set) throw Refused(c, $"{existing.Set.Keyword} {existing.Set} exists as {existing.Set.Declaration}", Exists);
    }

    private void AddRule(NftCommand.AddRule c)
    {
        var chain = ChainOf(c, c.Chain);
        var problem = NftReferences.RuleProblem(Catalog(), c.Chain.Table, c.Rule);
        if (problem is not null) throw Refused(c, problem, problem.Contains("does not exist", StringComparison.Ordinal) ? NotFound : "Operation not supported");
        chain.Rules.Add(c.Rule);
    }

    private void ChangeElements(NftCommand c, NftSet declared, IEnumerable<NftElement> elements, Func<FakeSet, NftElement, string?> change)
    {
        var set = SetOf(c, declared);
        if (set.Set.Flags.HasFlag(NftSetFlags.Constant) && TableOf(c, declared.Table).IsBound(declared.Name)) throw Refused(c, $"constant {set.Set.Keyword} {set.Set} is in use by a rule, so its elements cannot change", Busy);
        var list = elements.ToList();
        var targets = NftReferences.ElementsProblem(Catalog(), declared.Table, list);
        if (targets is not null) throw Refused(c, targets, NotFound);
        foreach (var element in list)
        {
            var problem = change(set, element);
            if (problem is not null) throw Refused(c, problem, null);
        }
    }

    private void FlushSet(NftCommand.FlushSet c)
    {
        if (SetOf(c, c.Set).Set.IsMap != c.Set.IsMap) throw Refused(c, $"{c.Set.Keyword} {c.Set} does not exist", NotFound);
        ChangeElements(c, c.Set, [], (_, _) => null);
        SetOf(c, c.Set).Flush();
    }

    private void DeleteChain(NftCommand.DeleteChain c)
    {
        var table = TableOf(c, c.Chain.Table);
        var chain = ChainOf(c, c.Chain);
        if (table.IsTarget(c.Chain.Name)) throw Refused(c, $"a rule or verdict map element still jumps to chain {c.Chain}", Busy);
        table.Chains.Remove(chain);
    }

    private void DeleteSet(NftCommand.DeleteSet c)
    {
        var table = TableOf(c, c.Set.Table);
        var set = SetOf(c, c.Set);
        if (table.IsBound(c.Set.Name)) throw Refused(c, $"a rule still refers to {c.Set.Keyword} {c.Set}", Busy);
        table.Sets.Remove(set);
    }

    private FakeTable TableOf(NftCommand c, NftTable table) => Table(table) ?? throw Refused(c, $"table {table} does not exist", NotFound);

    private FakeChain ChainOf(NftCommand c, NftChain chain) => TableOf(c, chain.Table).Chain(chain.Name) ?? throw Refused(c, $"chain {chain} does not exist", NotFound);

    private FakeSet SetOf(NftCommand c, NftSet set) => TableOf(c, set.Table).Set(set.Name) ?? throw Refused(c, $"{set.Keyword} {set} does not exist", NotFound);

    private static NftException Refused(NftCommand command, string problem, string? errno)
    {
        var text = command.ToString();
        return new($"{(text.Length > 160 ? text[..160] + "..." : text)}: {problem}{(errno is null ? "" : $" ({errno})")}");
    }
}
