using System.Text;

namespace Palisade.Datapath.Nft;

/// <summary>
/// An nftables transaction, built command by command and checked as it is built against what is known to exist (the
/// catalogue it started from plus its own earlier commands). It renders to exact, deterministic <c>nft -f</c> text, which
/// a backend applies atomically: all of it or nothing. Not thread-safe; build it on one thread.
/// </summary>
public sealed class NftTransaction
{
    private readonly List<NftCommand> commands = [];

    /// <summary>Starts an empty transaction over what <paramref name="known"/> says exists (nothing when null).</summary>
    public NftTransaction(NftCatalog? known = null) => Catalog = known ?? NftCatalog.Empty;

    /// <summary>What will exist once this transaction is applied.</summary>
    public NftCatalog Catalog { get; private set; }

    /// <summary>The commands, in order.</summary>
    public IReadOnlyList<NftCommand> Commands => commands;

    /// <summary>True when there is nothing to apply.</summary>
    public bool IsEmpty => commands.Count == 0;

    /// <summary>Adds the table (no error when it exists).</summary>
    public NftTransaction AddTable(NftTable table) => Record(new NftCommand.AddTable(table), Catalog.With(table));

    /// <summary>Adds the chain to its table; for a base chain that exists, only its policy may change.</summary>
    /// <exception cref="NftException">The table is not known, or a chain of that name is attached differently.</exception>
    public NftTransaction AddChain(NftChain chain)
    {
        var command = new NftCommand.AddChain(chain);
        RequireTable(chain.Table, command);
        var existing = Catalog.Chain(chain.Table, chain.Name);
        var same = existing is null || (existing.Hook is null ? chain.Hook is null : chain.Hook is not null && existing.Hook.SameAttachment(chain.Hook));
        if (!same) throw Refused(command, $"chain {existing} already exists with another hook ({existing!.Hook?.ToString() ?? "a regular chain"}); delete it first");
        return Record(command, Catalog.With(chain));
    }

    /// <summary>Adds the set or map to its table (no error when an identical one exists).</summary>
    /// <exception cref="NftException">The table is not known, or a set of that name is declared differently.</exception>
    public NftTransaction AddSet(NftSet set)
    {
        var command = new NftCommand.AddSet(set);
        RequireTable(set.Table, command);
        var existing = Catalog.Set(set.Table, set.Name);
        if (existing is not null && existing != set) throw Refused(command, $"{existing.Keyword} {existing} already exists as {existing.Declaration}; delete it first");
        return Record(command, Catalog.With(set));
    }

    /// <summary>Appends <paramref name="rule"/> to <paramref name="chain"/>.</summary>
    /// <exception cref="NftException">The chain is not known, or the rule names a missing or mistyped set, or a missing jump target.</exception>
    public NftTransaction AddRule(NftChain chain, NftRule rule)
    {
        var command = new NftCommand.AddRule(chain, rule);
        var known = RequireChain(chain, command);
        var problem = NftReferences.RuleProblem(Catalog, chain.Table, rule);
        return problem is null ? Record(command with { Chain = known }, Catalog) : throw Refused(command, problem);
    }

    /// <summary>Appends a rule of <paramref name="statements"/> to <paramref name="chain"/>.</summary>
    public NftTransaction AddRule(NftChain chain, params NftStatement[] statements) => AddRule(chain, new NftRule(statements));

    /// <summary>Adds elements to the set; nothing is recorded when there are none.</summary>
    /// <exception cref="NftException">The set is not known, an element does not fit it, or a verdict jumps to a missing chain.</exception>
    public NftTransaction AddElements(NftSet set, IEnumerable<NftElement> elements)
    {
        var list = elements.Select(set.Check).ToList();
        var command = new NftCommand.AddElements(set, list);
        RequireSet(set, command);
        var problem = NftReferences.ElementsProblem(Catalog, set.Table, list);
        if (problem is not null) throw Refused(command, problem);
        return list.Count == 0 ? this : Record(command, Catalog);
    }

    /// <summary>Adds elements written as nft writes them (see <see cref="NftSet.Element(string)"/>).</summary>
    public NftTransaction AddElements(NftSet set, params string[] elements) => AddElements(set, elements.Select(set.Element));

    /// <summary>Deletes elements (by key) from the set; nothing is recorded when there are none.</summary>
    /// <exception cref="NftException">The set is not known, or an element does not fit it.</exception>
    public NftTransaction DeleteElements(NftSet set, IEnumerable<NftElement> elements)
    {
        var list = elements.Select(set.Check).ToList();
        var command = new NftCommand.DeleteElements(set, list);
        RequireSet(set, command);
        return list.Count == 0 ? this : Record(command, Catalog);
    }

    /// <summary>Deletes elements written as nft writes them.</summary>
    public NftTransaction DeleteElements(NftSet set, params string[] elements) => DeleteElements(set, elements.Select(set.Element));

    /// <summary>Deletes every rule of the chain.</summary>
    public NftTransaction FlushChain(NftChain chain)
    {
        var command = new NftCommand.FlushChain(chain);
        return Record(command with { Chain = RequireChain(chain, command) }, Catalog);
    }

    /// <summary>Deletes every element of the set.</summary>
    public NftTransaction FlushSet(NftSet set)
    {
        var command = new NftCommand.FlushSet(set);
        RequireSet(set, command);
        return Record(command, Catalog);
    }

    /// <summary>Deletes the table and everything in it.</summary>
    public NftTransaction DeleteTable(NftTable table)
    {
        var command = new NftCommand.DeleteTable(table);
        RequireTable(table, command);
        return Record(command, Catalog.Without(table));
    }

    /// <summary>Deletes the chain (the kernel refuses while a rule or verdict map element jumps to it).</summary>
    public NftTransaction DeleteChain(NftChain chain)
    {
        var command = new NftCommand.DeleteChain(chain);
        var known = RequireChain(chain, command);
        return Record(command with { Chain = known }, Catalog.Without(known));
    }

    /// <summary>Deletes the set (the kernel refuses while a rule refers to it).</summary>
    public NftTransaction DeleteSet(NftSet set)
    {
        var command = new NftCommand.DeleteSet(set);
        RequireSet(set, command);
        return Record(command, Catalog.Without(set));
    }

    /// <summary>The transaction as <c>nft -f</c> text: one command per line, in the order built.</summary>
    public string Render()
    {
        var text = new StringBuilder();
        foreach (var command in commands) text.Append(command).Append('\n');
        return text.ToString();
    }

    private NftTransaction Record(NftCommand command, NftCatalog after)
    {
        commands.Add(command);
        Catalog = after;
        return this;
    }

    private void RequireTable(NftTable table, NftCommand command)
    {
        if (!Catalog.Has(table)) throw Refused(command, $"table {table} is neither added earlier in this transaction nor in its catalogue; add it first");
    }

    private NftChain RequireChain(NftChain chain, NftCommand command) => Catalog.Chain(chain.Table, chain.Name)
        ?? throw Refused(command, $"chain {chain} is neither added earlier in this transaction nor in its catalogue; add it first");

    private void RequireSet(NftSet set, NftCommand command)
    {
        var known = Catalog.Set(set.Table, set.Name) ?? throw Refused(command, $"{set.Keyword} {set} is neither added earlier in this transaction nor in its catalogue; add it first");
        if (known != set) throw Refused(command, $"{known.Keyword} {known} is declared {known.Declaration}, not {set.Declaration}");
    }

    private static NftException Refused(NftCommand command, string problem)
    {
        var text = command.ToString();
        return new($"{(text.Length > 160 ? text[..160] + "..." : text)}: {problem}");
    }
}
