using Palisade.Policy.Errors;
using Palisade.Policy.Net;

namespace Palisade.Policy.Inventory;

/// <summary>
/// The AWS security groups Palisade knows, read offline from inventory files (<c>--sg-inventory FILE</c>), so that
/// Cilium <c>toGroups</c>/<c>fromGroups</c> AWS entries can be resolved to addresses as Cilium's operator resolves
/// them through EC2.
/// </summary>
/// <remarks>
/// <para><see cref="Parse"/> accepts three formats, told apart by their top-level key:</para>
/// <list type="number">
/// <item><c>NetworkInterfaces</c>: the output of <c>aws ec2 describe-network-interfaces</c> (JSON, or YAML with
/// <c>--output yaml</c>). Each interface's <c>PrivateIpAddresses[].PrivateIpAddress</c> and their
/// <c>Association.PublicIp</c> (plus the top-level <c>PrivateIpAddress</c> and <c>Association.PublicIp</c>, which repeat
/// the primary address) become members of each group in its <c>Groups</c>. As in Cilium, IPv6 addresses and delegated
/// prefixes are not members; a warning says when the file has any.</item>
/// <item><c>SecurityGroups</c>: the output of <c>aws ec2 describe-security-groups</c>. It maps ids to names and has
/// no members, so its groups are known and empty, and <see cref="Warnings"/> says so unless it is merged with an
/// inventory that gives members.</item>
/// <item><c>securityGroups</c>: the Palisade format, <c>securityGroups: [{id: sg-…, name: web, members: [10.0.1.5,
/// 10.0.2.0/24]}]</c>, in YAML or JSON. Fields other than <c>id</c>, <c>name</c> and <c>members</c> are errors.</item>
/// </list>
/// </remarks>
public sealed class SecurityGroupInventory
{
    private readonly Dictionary<string, SecurityGroup> _byId;
    private readonly Dictionary<string, List<SecurityGroup>> _byName;
    private readonly IReadOnlyDictionary<string, string> _nameSources;
    private readonly IReadOnlyList<InventoryWarning> _warnings;
    private readonly bool _hasMembers;

    internal SecurityGroupInventory(IReadOnlyList<SecurityGroup> groups, IReadOnlyDictionary<string, string> nameSources,
        IReadOnlyList<InventoryWarning> warnings, bool hasMembers)
    {
        Groups = groups;
        _byId = groups.ToDictionary(g => g.Id, StringComparer.Ordinal);
        _byName = groups.Where(g => g.Name is not null).GroupBy(g => g.Name!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        _nameSources = nameSources;
        _warnings = warnings;
        _hasMembers = hasMembers;
        Warnings = [.. warnings.Where(w => !(w.NameOnly && hasMembers)).Select(w => w.Text).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>An inventory with no groups: every id and name is unknown.</summary>
    public static SecurityGroupInventory Empty { get; } = new([], new Dictionary<string, string>(StringComparer.Ordinal), [], hasMembers: false);

    /// <summary>The groups, sorted by id (ordinal).</summary>
    public IReadOnlyList<SecurityGroup> Groups { get; }

    /// <summary>
    /// Things the user should know that do not stop the run, each starting with the file name: output that gives
    /// names but no members, a paginated (<c>NextToken</c>) output, IPv6 addresses that are not members.
    /// </summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>
    /// Reads an inventory from <paramref name="text"/>, the contents of the file <paramref name="fileName"/> (used in
    /// messages only). A multi-document YAML file may hold one inventory a document.
    /// </summary>
    /// <exception cref="InputException">
    /// The text is not one of the three formats, or has problems. The message names the file, line and field of every
    /// problem and says what to do.
    /// </exception>
    public static SecurityGroupInventory Parse(string fileName, string text)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(text);
        return InventoryReader.Read(fileName, text);
    }

    /// <summary>
    /// Combines inventories: a group found in several has the union of their members and the name any of them gives.
    /// Typically the <c>describe-network-interfaces</c> output (members) with the <c>describe-security-groups</c>
    /// output (which makes groups without interfaces known, and empty).
    /// </summary>
    /// <exception cref="InputException">Two inventories give one group different names; the message lists every such group.</exception>
    public static SecurityGroupInventory Merge(IEnumerable<SecurityGroupInventory> inventories)
    {
        ArgumentNullException.ThrowIfNull(inventories);
        var table = new GroupTable();
        var conflicts = new List<string>();
        var warnings = new List<InventoryWarning>();
        var hasMembers = false;
        foreach (var inventory in inventories)
        {
            hasMembers |= inventory._hasMembers;
            warnings.AddRange(inventory._warnings);
            foreach (var group in inventory.Groups)
            {
                var source = inventory._nameSources.GetValueOrDefault(group.Id, "an inventory");
                if (table.Add(group.Id, group.Name, source, group.Members) is { } earlier)
                {
                    conflicts.Add($"security group {group.Id} is named \"{group.Name}\" at {source} but \"{earlier.Name}\" at {earlier.Source}; "
                        + "correct one of them, or generate both files again from the same account and region");
                }
            }
        }
        if (conflicts.Count > 0) throw new InputException(InventoryReader.Describe("security-group inventories", "groups with two names", conflicts));
        return new SecurityGroupInventory(table.Groups(), table.NameSources(), warnings, hasMembers);
    }

    /// <summary>
    /// The addresses of one Cilium AWS group entry (<c>securityGroupsIds</c>, <c>securityGroupsNames</c>), as Cilium's
    /// operator computes them: it asks EC2 for the network interfaces matching a <c>group-id</c> filter with the ids and
    /// a <c>group-name</c> filter with the names. Values within a filter are alternatives; EC2 joins two filters with
    /// AND. So with only ids (or only names) the result is the union of the groups' members, and with both it is the
    /// addresses in one of the id groups and also in one of the named groups. An empty list is no filter; with neither,
    /// nothing is selected. Names are matched exactly and may name several groups (names are unique per VPC only).
    /// </summary>
    /// <returns>The member prefixes, deduplicated and sorted, and the ids and names not in the inventory, in order.</returns>
    public SecurityGroupResolution Resolve(IEnumerable<string> ids, IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(names);
        var unknown = new List<string>();
        var byId = Collect(ids, id => _byId.TryGetValue(id, out var g) ? [g] : null, unknown);
        var byName = Collect(names, name => _byName.GetValueOrDefault(name), unknown);
        IReadOnlyList<Cidr> members = (byId, byName) switch
        {
            ({ } a, { } b) => CidrOrder.Intersect(a, b),
            ({ } a, null) => CidrOrder.Sorted(a),
            (null, { } b) => CidrOrder.Sorted(b),
            _ => [],
        };
        return new SecurityGroupResolution(members, [.. unknown.Distinct(StringComparer.Ordinal)]);
    }

    /// <summary>The members of the groups <paramref name="keys"/> name, or null when there are no keys (no filter).</summary>
    private static HashSet<Cidr>? Collect(IEnumerable<string> keys, Func<string, IReadOnlyList<SecurityGroup>?> find, List<string> unknown)
    {
        HashSet<Cidr>? members = null;
        foreach (var key in keys)
        {
            members ??= [];
            if (find(key) is { } groups)
            {
                foreach (var group in groups) members.UnionWith(group.Members);
            }
            else
            {
                unknown.Add(key);
            }
        }
        return members;
    }
}
