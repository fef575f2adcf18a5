using Palisade.Policy.Binding;
using Palisade.Policy.Diagnostics;
using Palisade.Policy.Errors;
using Palisade.Policy.Net;
using Palisade.Policy.Yaml;

namespace Palisade.Policy.Inventory;

/// <summary>A warning of an inventory; <see cref="NameOnly"/> ones are dropped once another inventory gives members.</summary>
internal readonly record struct InventoryWarning(string Text, bool NameOnly);

/// <summary>
/// Reads one security-group inventory file in any of the three formats, detected by content. JSON is read as YAML,
/// which it is, so that every problem has a line. Every problem is collected and thrown at once as one
/// <see cref="InputException"/>; nothing is returned from a file with problems.
/// </summary>
internal sealed class InventoryReader
{
    private const string NetworkInterfacesKey = "NetworkInterfaces";
    private const string SecurityGroupsKey = "SecurityGroups";
    private const string PalisadeKey = "securityGroups";

    /// <summary>Problems listed in one message; the rest are counted.</summary>
    private const int MaxListed = 20;

    private const string Formats =
        "Palisade reads (1) the JSON printed by `aws ec2 describe-network-interfaces` (an object with NetworkInterfaces), "
        + "(2) the JSON printed by `aws ec2 describe-security-groups` (an object with SecurityGroups; it names groups but gives no members), "
        + "or (3) the Palisade format `securityGroups: [{id: sg-0123456789abcdef0, name: web, members: [10.0.1.5, 10.0.2.0/24]}]`";

    private const string RegenerateHint = "the AWS CLI does not print this, so the file was edited or damaged: run `aws ec2 describe-network-interfaces --output json` again";

    private const string MemberHint = "write an IPv4/IPv6 address or prefix such as 10.0.1.5 or 10.0.2.0/24";

    private static readonly string[] FormatKeys = [NetworkInterfacesKey, SecurityGroupsKey, PalisadeKey];

    private static readonly string[] PalisadeGroupKeys = ["id", "name", "members"];

    private static readonly string[] IgnoredAddressLists = ["Ipv6Addresses", "Ipv4Prefixes", "Ipv6Prefixes"];

    private readonly string _file;
    private readonly GroupTable _table = new();
    private readonly List<(int Line, string Text)> _problems = [];
    private readonly List<InventoryWarning> _warnings = [];
    private readonly Dictionary<string, int> _palisadeIds = new(StringComparer.Ordinal);
    private bool _membership;
    private bool _nameOnlyWarned;
    private int _ignoredInterfaces;
    private int _firstIgnoredLine;

    private InventoryReader(string file) => _file = file;

    /// <summary>Reads <paramref name="text"/>, the contents of <paramref name="file"/>.</summary>
    /// <exception cref="InputException">The text is not an inventory, or has problems; the message lists them all.</exception>
    public static SecurityGroupInventory Read(string file, string text)
    {
        var reader = new InventoryReader(file);
        var diagnostics = new DiagnosticBag();
        var documents = YamlReader.Read(file, text, diagnostics);
        foreach (var d in diagnostics.Items.Where(d => d.Severity == Severity.Error))
        {
            reader.Problem(d.Location.Line, d.FieldPath, d.Message, d.Hint);
        }
        if (documents.Count == 0 && !diagnostics.HasErrors) reader.Problem(0, "", "the file is empty, so it is not a security-group inventory", Formats);
        foreach (var document in documents) reader.ReadDocument(document.Root);
        reader.Finish();
        if (reader._problems.Count > 0)
        {
            throw new InputException(Describe(file, "problems in the security-group inventory", [.. reader._problems.OrderBy(p => p.Line).Select(p => p.Text)]));
        }
        return new SecurityGroupInventory(reader._table.Groups(), reader._table.NameSources(), reader._warnings, reader._membership);
    }

    /// <summary>One message for one or more problems: the problem itself, or a count followed by one problem a line.</summary>
    internal static string Describe(string subject, string what, IReadOnlyList<string> problems)
    {
        if (problems.Count == 1) return problems[0];
        var lines = new List<string> { $"{subject}: {problems.Count} {what}:" };
        lines.AddRange(problems.Take(MaxListed).Select(p => "  " + p));
        if (problems.Count > MaxListed) lines.Add($"  ... and {problems.Count - MaxListed} more");
        return string.Join('\n', lines);
    }

    private void ReadDocument(YNode root)
    {
        if (root is not YMapping map)
        {
            Problem(root, FieldPath.Root, $"expected an object (a mapping), found {root.Describe()}, so this is not a security-group inventory", Formats);
            return;
        }
        var present = FormatKeys.Where(k => map.KeyNode(k) is not null).ToList();
        if (present.Count == 0)
        {
            UnknownFormat(map);
            return;
        }
        if (present.Count > 1)
        {
            Problem(map.KeyNode(present[1]), FieldPath.Root.Field(present[1]), $"the file mixes formats: it has both {present[0]} and {present[1]}",
                "put each in its own file");
            return;
        }
        switch (present[0])
        {
            case NetworkInterfacesKey: ReadNetworkInterfaces(map); break;
            case SecurityGroupsKey: ReadSecurityGroups(map); break;
            default: ReadPalisade(map); break;
        }
    }

    private void UnknownFormat(YMapping map)
    {
        if (map.KeyNode("Reservations") is { } reservations)
        {
            Problem(reservations, FieldPath.Root.Field("Reservations"), "this is the output of `aws ec2 describe-instances`, which Palisade does not read",
                "run `aws ec2 describe-network-interfaces --output json` instead: Cilium resolves security groups through network interfaces");
            return;
        }
        var guess = map.Entries.Select(e => (Key: e.Key, Suggestion: Suggest.Closest(e.Key.Value, FormatKeys))).FirstOrDefault(e => e.Suggestion is not null);
        var keys = map.Entries.Count == 0 ? "it is empty" : "it has none of NetworkInterfaces, SecurityGroups or securityGroups";
        if (guess.Suggestion is not null)
        {
            Problem(guess.Key, FieldPath.Root.Field(guess.Key.Value), $"not a security-group inventory: {keys} (did you mean {guess.Suggestion}?)", Formats);
            return;
        }
        Problem(map, FieldPath.Root, $"not a security-group inventory: {keys}", Formats);
    }

    private void ReadNetworkInterfaces(YMapping root)
    {
        _membership = true;
        WarnIfTruncated(root, "network interfaces");
        var path = FieldPath.Root.Field(NetworkInterfacesKey);
        if (List(root[NetworkInterfacesKey]!, path, RegenerateHint) is not { } interfaces) return;
        if (interfaces.Items.Count == 0)
        {
            Warn($"{_file}: the describe-network-interfaces output lists no network interfaces, so no group has members");
        }
        for (var i = 0; i < interfaces.Items.Count; i++) NetworkInterface(interfaces.Items[i], path.Index(i));
    }

    /// <summary>
    /// One interface. Its members are what Cilium's operator takes (pkg/policy/groups/aws): every
    /// <c>PrivateIpAddresses[].PrivateIpAddress</c> and the <c>Association.PublicIp</c> next to it. The top-level
    /// <c>PrivateIpAddress</c> and <c>Association</c> repeat the primary address and are read too.
    /// </summary>
    private void NetworkInterface(YNode node, FieldPath path)
    {
        if (Map(node, path, RegenerateHint) is not { } eni) return;
        var addresses = new List<Cidr>();
        Address(eni, "PrivateIpAddress", path, addresses);
        PublicIp(eni, path, addresses);
        var privatePath = path.Field("PrivateIpAddresses");
        if (OptionalList(eni, "PrivateIpAddresses", path) is { } privates)
        {
            for (var i = 0; i < privates.Items.Count; i++)
            {
                if (Map(privates.Items[i], privatePath.Index(i), RegenerateHint) is not { } entry) continue;
                Address(entry, "PrivateIpAddress", privatePath.Index(i), addresses);
                PublicIp(entry, privatePath.Index(i), addresses);
            }
        }
        IgnoredAddresses(eni, path);
        var groupsPath = path.Field("Groups");
        if (OptionalList(eni, "Groups", path) is not { } groups) return;
        for (var i = 0; i < groups.Items.Count; i++)
        {
            if (Map(groups.Items[i], groupsPath.Index(i), RegenerateHint) is not { } group) continue;
            var id = RequiredString(group, "GroupId", groupsPath.Index(i), RegenerateHint);
            var name = OptionalString(group, "GroupName", groupsPath.Index(i), RegenerateHint);
            if (id is not null) AddGroup(id, name, group, "GroupName", groupsPath.Index(i), addresses);
        }
    }

    /// <summary>Checks and counts the IPv6 addresses and delegated prefixes, which Cilium does not resolve groups to.</summary>
    private void IgnoredAddresses(YMapping eni, FieldPath path)
    {
        var ignored = eni["Ipv6Address"] is YScalar { Kind: ScalarKind.String } ? eni.KeyNode("Ipv6Address") : null;
        foreach (var key in IgnoredAddressLists)
        {
            if (OptionalList(eni, key, path) is not { Items.Count: > 0 } list) continue;
            ignored ??= eni.KeyNode(key);
            if (key != "Ipv6Addresses") continue;
            for (var i = 0; i < list.Items.Count; i++)
            {
                if (Map(list.Items[i], path.Field(key).Index(i), RegenerateHint) is { } entry) Address(entry, "Ipv6Address", path.Field(key).Index(i), []);
            }
        }
        if (ignored is null) return;
        if (_ignoredInterfaces++ == 0) _firstIgnoredLine = ignored.Line;
    }

    private void PublicIp(YMapping owner, FieldPath path, List<Cidr> addresses)
    {
        var node = owner["Association"];
        if (node is null or YScalar { Kind: ScalarKind.Null }) return;
        if (Map(node, path.Field("Association"), RegenerateHint) is { } association) Address(association, "PublicIp", path.Field("Association"), addresses);
    }

    private void Address(YMapping owner, string key, FieldPath ownerPath, List<Cidr> addresses)
    {
        var node = owner[key];
        var path = ownerPath.Field(key);
        if (node is null or YScalar { Kind: ScalarKind.Null }) return;
        if (node is not YScalar { Kind: ScalarKind.String } scalar)
        {
            Problem(node, path, $"expected an IP address (a string), found {node.Describe()}", RegenerateHint);
            return;
        }
        if (!IpAddressValue.TryParse(scalar.Value, out var address))
        {
            Problem(node, path, $"\"{scalar.Value}\" is not an IP address", RegenerateHint);
            return;
        }
        addresses.Add(new Cidr(address, address.Width));
    }

    private void ReadSecurityGroups(YMapping root)
    {
        const string hint = "the AWS CLI does not print this, so the file was edited or damaged: run `aws ec2 describe-security-groups --output json` again";
        WarnIfTruncated(root, "security groups");
        var path = FieldPath.Root.Field(SecurityGroupsKey);
        if (!_nameOnlyWarned)
        {
            _nameOnlyWarned = true;
            _warnings.Add(new($"{_file}: describe-security-groups output lists groups but not their members; combine it with "
                + "describe-network-interfaces output (or the Palisade format) to give addresses", NameOnly: true));
        }
        if (List(root[SecurityGroupsKey]!, path, hint) is not { } groups) return;
        for (var i = 0; i < groups.Items.Count; i++)
        {
            if (Map(groups.Items[i], path.Index(i), hint) is not { } group) continue;
            var idHint = group.KeyNode("id") is not null
                ? "the Palisade format is spelled securityGroups (lower-case s) with id, name and members; SecurityGroups is the AWS CLI's output"
                : hint;
            var id = RequiredString(group, "GroupId", path.Index(i), idHint);
            var name = OptionalString(group, "GroupName", path.Index(i), hint);
            if (id is not null) AddGroup(id, name, group, "GroupName", path.Index(i), []);
        }
    }

    private void ReadPalisade(YMapping root)
    {
        _membership = true;
        foreach (var (key, _) in root.Entries.Where(e => e.Key.Value != PalisadeKey))
        {
            Problem(key, FieldPath.Root.Field(key.Value), $"unknown field \"{key.Value}\"", "the Palisade format has only securityGroups at the top level");
        }
        var path = FieldPath.Root.Field(PalisadeKey);
        if (List(root[PalisadeKey]!, path, "write securityGroups: [] for an inventory with no groups") is not { } groups) return;
        for (var i = 0; i < groups.Items.Count; i++) PalisadeGroup(groups.Items[i], path.Index(i));
    }

    private void PalisadeGroup(YNode node, FieldPath path)
    {
        const string example = "write each group as {id: sg-0123456789abcdef0, name: web, members: [10.0.1.5, 10.0.2.0/24]}";
        if (Map(node, path, example) is not { } group) return;
        foreach (var (key, _) in group.Entries.Where(e => !PalisadeGroupKeys.Contains(e.Key.Value)))
        {
            var guess = Suggest.Closest(key.Value, PalisadeGroupKeys);
            Problem(key, path.Field(key.Value), $"unknown field \"{key.Value}\"",
                guess is null ? "a group has only id, name and members" : $"did you mean {guess}? A group has only id, name and members");
        }
        var id = RequiredString(group, "id", path, "give the group's id as a string, e.g. id: sg-0123456789abcdef0");
        var name = OptionalString(group, "name", path, "quote the name, e.g. name: \"web\"");
        var members = new List<Cidr>();
        var membersPath = path.Field("members");
        if (OptionalList(group, "members", path, "write the members as a list, e.g. members: [10.0.1.5, 10.0.2.0/24]") is { } list)
        {
            for (var i = 0; i < list.Items.Count; i++) Member(list.Items[i], membersPath.Index(i), members);
        }
        if (id is null) return;
        var idNode = group.KeyNode("id")!;
        if (_palisadeIds.TryGetValue(id, out var firstLine))
        {
            Problem(idNode, path.Field("id"), $"security group {id} is listed twice (first at line {firstLine})", "merge the two entries into one");
            return;
        }
        _palisadeIds[id] = idNode.Line;
        AddGroup(id, name, group, "name", path, members);
    }

    private void Member(YNode node, FieldPath path, List<Cidr> members)
    {
        if (node is not YScalar scalar)
        {
            Problem(node, path, $"expected an address or CIDR (a string), found {node.Describe()}", MemberHint);
            return;
        }
        if (scalar.Kind == ScalarKind.Null || scalar.Value.Length == 0)
        {
            Problem(node, path, "the member is empty", MemberHint);
            return;
        }
        var text = scalar.Value;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            if (IpAddressValue.TryParse(text, out var address)) members.Add(new Cidr(address, address.Width));
            else Problem(node, path, $"\"{text}\" is not an address or CIDR", MemberHint);
            return;
        }
        if (!Cidr.TryParse(text, out var cidr, out var hostBits))
        {
            Problem(node, path, $"\"{text}\" is not an address or CIDR", MemberHint);
            return;
        }
        if (hostBits)
        {
            Problem(node, path, $"\"{text}\" has bits set after the prefix length", $"write the network {cidr}, or the single address {text[..slash]}");
            return;
        }
        members.Add(cidr);
    }

    /// <summary>Adds a group; its name is located at the <paramref name="nameKey"/> field of <paramref name="group"/>.</summary>
    private void AddGroup(string id, string? name, YMapping group, string nameKey, FieldPath path, IEnumerable<Cidr> members)
    {
        YNode at = group.KeyNode(nameKey) ?? (YNode)group;
        if (_table.Add(id, name, $"{_file}:{at.Line}", members) is { } earlier)
        {
            Problem(at, path.Field(nameKey), $"security group {id} is named \"{name}\" here but \"{earlier.Name}\" at {earlier.Source}",
                "a group has one name: correct one of the two, or generate the file again");
        }
    }

    private void WarnIfTruncated(YMapping root, string what)
    {
        if (root["NextToken"] is YScalar { Kind: ScalarKind.String, Value.Length: > 0 })
        {
            Warn($"{_file}: the output has a NextToken, so it lists only the first page of {what}; run the command again without --max-items or --no-paginate");
        }
    }

    private void Finish()
    {
        if (_ignoredInterfaces == 0) return;
        var interfaces = _ignoredInterfaces == 1 ? "1 network interface has" : $"{_ignoredInterfaces} network interfaces have";
        Warn($"{_file}: {interfaces} IPv6 addresses or delegated prefixes (the first at line {_firstIgnoredLine}); Cilium resolves a security group "
            + "only to its interfaces' private IPv4 addresses and their public IPs, so these are not members");
    }

    private void Warn(string text) => _warnings.Add(new(text, NameOnly: false));

    private string? RequiredString(YMapping owner, string key, FieldPath ownerPath, string hint)
    {
        var node = owner[key];
        if (node is null)
        {
            Problem(owner, ownerPath.Field(key), $"{key} is missing", hint);
            return null;
        }
        if (node is YScalar { Kind: ScalarKind.Null } or YScalar { Kind: ScalarKind.String, Value.Length: 0 })
        {
            Problem(node, ownerPath.Field(key), $"{key} is empty", hint);
            return null;
        }
        return StringValue(node, ownerPath.Field(key), hint);
    }

    private string? OptionalString(YMapping owner, string key, FieldPath ownerPath, string hint) =>
        owner[key] is { } node ? StringValue(node, ownerPath.Field(key), hint) : null;

    /// <summary>The string a node holds; null for a null or empty scalar, and a problem for anything but a string.</summary>
    private string? StringValue(YNode node, FieldPath path, string hint)
    {
        switch (node)
        {
            case YScalar { Kind: ScalarKind.Null }: return null;
            case YScalar { Kind: ScalarKind.String } s: return s.Value.Length == 0 ? null : s.Value;
            default:
                Problem(node, path, $"expected a string, found {node.Describe()}", hint);
                return null;
        }
    }

    private YSequence? OptionalList(YMapping owner, string key, FieldPath ownerPath, string hint = RegenerateHint) =>
        owner[key] is { } node and not YScalar { Kind: ScalarKind.Null } ? List(node, ownerPath.Field(key), hint) : null;

    private YSequence? List(YNode node, FieldPath path, string hint)
    {
        if (node is YSequence list) return list;
        Problem(node, path, $"expected a list, found {node.Describe()}", hint);
        return null;
    }

    private YMapping? Map(YNode node, FieldPath path, string hint)
    {
        if (node is YMapping map) return map;
        Problem(node, path, $"expected an object (a mapping), found {node.Describe()}", hint);
        return null;
    }

    private void Problem(YNode? node, FieldPath path, string message, string? hint) => Problem(node?.Line ?? 0, path.ToString(), message, hint);

    private void Problem(int line, string path, string message, string? hint)
    {
        var where = line > 0 ? $"{_file}:{line}" : _file;
        var field = path.Length == 0 ? "" : path + ": ";
        _problems.Add((line, $"{where}: {field}{message.TrimEnd('.')}{(hint is null ? "" : "; " + hint)}"));
    }
}
