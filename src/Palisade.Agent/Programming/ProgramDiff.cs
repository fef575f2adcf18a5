using Palisade.Agent.Compilation;
using Palisade.Datapath.Nft;
using Palisade.Engine.Ir;

namespace Palisade.Agent.Programming;

/// <summary>
/// The transactions that take a node's table to a <see cref="NodeProgram"/>: a full load that replaces the table
/// atomically, or the element and chain changes from the program applied before. Either is one transaction, applied
/// all or nothing; an update with no difference has no command at all.
/// </summary>
public static class ProgramDiff
{
    /// <summary>Replaces the whole table (whatever is in the kernel now) with <paramref name="program"/>.</summary>
    public static NftTransaction Full(NodeTable table, NodeProgram program)
    {
        var tx = new NftTransaction();
        table.AddSkeleton(tx);
        foreach (var verdict in program.Verdicts.Values.OrderBy(v => v.Number)) table.AddVerdict(tx, verdict);
        foreach (var (name, policy) in program.Policies.OrderBy(p => p.Key, StringComparer.Ordinal)) table.AddPolicy(tx, name, IsEgress(name), policy);
        tx.AddElements(table.EgressEndpoints, program.Endpoints.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => NodeTable.Element(e.Key, e.Value.Egress, Direction.Egress)));
        tx.AddElements(table.IngressEndpoints, program.Endpoints.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => NodeTable.Element(e.Key, e.Value.Ingress, Direction.Ingress)));
        tx.AddElements(table.Blocks, program.Blocks.Select(NodeTable.Element));
        tx.AddElements(table.Addresses, program.Addresses.OrderBy(a => a.Key).Select(a => NodeTable.Element(a.Key, a.Value)));
        return tx;
    }

    /// <summary>
    /// The changes from <paramref name="before"/> (applied, with catalogue <paramref name="known"/>) to <paramref name="after"/>:
    /// endpoints leave their old chains first, chains no endpoint uses are deleted, new chains are made before an
    /// endpoint is sent to them, and interval elements are deleted before the ones that replace them are added.
    /// </summary>
    public static NftTransaction Between(NodeTable table, NodeProgram before, NodeProgram after, NftCatalog known)
    {
        var tx = new NftTransaction(known);
        var gone = before.Endpoints.Where(e => !after.Endpoints.TryGetValue(e.Key, out var now) || now != e.Value).OrderBy(e => e.Key, StringComparer.Ordinal).ToList();
        tx.DeleteElements(table.EgressEndpoints, gone.Select(e => NodeTable.Element(e.Key, e.Value.Egress, Direction.Egress)));
        tx.DeleteElements(table.IngressEndpoints, gone.Select(e => NodeTable.Element(e.Key, e.Value.Ingress, Direction.Ingress)));
        foreach (var verdict in after.Verdicts.Values.Where(v => !before.Verdicts.ContainsKey(v.Number)).OrderBy(v => v.Number)) table.AddVerdict(tx, verdict);
        foreach (var name in before.Policies.Keys.Where(n => !after.Policies.ContainsKey(n)).Order(StringComparer.Ordinal)) table.DeletePolicy(tx, name);
        foreach (var (name, policy) in after.Policies.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!before.Policies.TryGetValue(name, out var old))
            {
                table.AddPolicy(tx, name, IsEgress(name), policy);
                continue;
            }
            if (old.Default != policy.Default) table.ChangeDefault(tx, name, IsEgress(name), policy);
            if (!old.SameEntries(policy)) table.ChangeEntries(tx, name, policy.Entries.Except(old.Entries), old.Entries.Except(policy.Entries));
        }
        var come = after.Endpoints.Where(e => !before.Endpoints.TryGetValue(e.Key, out var was) || was != e.Value).OrderBy(e => e.Key, StringComparer.Ordinal).ToList();
        tx.AddElements(table.EgressEndpoints, come.Select(e => NodeTable.Element(e.Key, e.Value.Egress, Direction.Egress)));
        tx.AddElements(table.IngressEndpoints, come.Select(e => NodeTable.Element(e.Key, e.Value.Ingress, Direction.Ingress)));
        if (!ReferenceEquals(before.Blocks, after.Blocks))
        {
            var oldBlocks = before.Blocks.ToHashSet();
            var newBlocks = after.Blocks.ToHashSet();
            tx.DeleteElements(table.Blocks, before.Blocks.Where(b => !newBlocks.Contains(b)).Select(NodeTable.Element));
            tx.AddElements(table.Blocks, after.Blocks.Where(b => !oldBlocks.Contains(b)).Select(NodeTable.Element));
        }
        // Verdicts go last, once nothing sends packets to them.
        foreach (var number in before.Verdicts.Keys.Where(n => !after.Verdicts.ContainsKey(n)).Order()) table.DeleteVerdict(tx, number);
        if (ReferenceEquals(before.Addresses, after.Addresses)) return tx;   // a policy change over the same pods
        tx.DeleteElements(table.Addresses, before.Addresses.Where(a => !after.Addresses.TryGetValue(a.Key, out var id) || id != a.Value).OrderBy(a => a.Key).Select(a => NodeTable.Element(a.Key, a.Value)));
        tx.AddElements(table.Addresses, after.Addresses.Where(a => !before.Addresses.TryGetValue(a.Key, out var id) || id != a.Value).OrderBy(a => a.Key).Select(a => NodeTable.Element(a.Key, a.Value)));
        return tx;
    }

    private static bool IsEgress(string policy) => policy.StartsWith("egress-", StringComparison.Ordinal);
}
