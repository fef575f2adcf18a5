using Palisade.Policy.Net;

namespace Palisade.Policy.Inventory;

/// <summary>
/// One AWS security group of an inventory: its id (<c>sg-…</c>), its name when the inventory gives one, and the
/// addresses of its members (a /32 or /128 for each network-interface address, any prefix in the Palisade format),
/// deduplicated and sorted (IPv4 before IPv6, by address, then by prefix length).
/// </summary>
public sealed record SecurityGroup(string Id, string? Name, IReadOnlyList<Cidr> Members);

/// <summary>
/// What a Cilium <c>toGroups</c>/<c>fromGroups</c> AWS entry resolves to: the member prefixes, deduplicated and sorted,
/// and the ids and names the inventory does not know, in the order they were asked for.
/// </summary>
public sealed record SecurityGroupResolution(IReadOnlyList<Cidr> Members, IReadOnlyList<string> Unknown);
