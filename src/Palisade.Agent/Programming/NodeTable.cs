using Palisade.Agent.Compilation;
using Palisade.Datapath.Nft;

namespace Palisade.Agent.Programming;

/// <summary>
/// The shape of a node's policy table (<c>table inet palisade</c>) as typed nft objects, and the commands that add or
/// remove its parts. Base chains on forward, input and output: replies and established flows are accepted first; the
/// source's identity goes to <c>meta mark</c> and the destination's to <c>ct mark</c> (the outside blocks first, then
/// the exact pod and node addresses over them); the packet is dispatched on its interfaces — egress on the pod's veth it
/// came in from, ingress on the pod's veth it goes out to — through verdict maps to its identity's policy chain, where
/// three set lookups (single ports, port ranges, ICMP types) return and anything else is counted and dropped. A pod
/// interface no map knows is dropped: an endpoint is not reachable, nor able to send, before it is programmed.
/// </summary>
public sealed class NodeTable
{
    /// <summary>The mark the Services table puts on a pod reaching itself through its own Service (masquerade).</summary>
    public const uint HairpinMark = 0x4000;

    /// <summary>Describes the table named <paramref name="name"/>, whose pods' interfaces start with <paramref name="podInterfacePrefix"/>.</summary>
    public NodeTable(string name = "palisade", string podInterfacePrefix = "lxc")
    {
        Table = new NftTable(NftFamily.Inet, name);
        PodInterfaces = NftValue.Interface(podInterfacePrefix + "*");
        Addresses = new NftSet(Table, "ip2id", NftKeyType.Of(NftDataType.Ipv4Addr), NftSetFlags.None, NftMapData.Mark);
        Blocks = new NftSet(Table, "cidr2id", NftKeyType.Of(NftDataType.Ipv4Addr), NftSetFlags.Interval, NftMapData.Mark);
        EgressEndpoints = new NftSet(Table, "egress-endpoints", NftKeyType.Of(NftDataType.IfName), NftSetFlags.None, NftMapData.Verdict);
        IngressEndpoints = new NftSet(Table, "ingress-endpoints", NftKeyType.Of(NftDataType.IfName), NftSetFlags.None, NftMapData.Verdict);
        EgressDispatch = new NftChain(Table, "egress-dispatch");
        IngressDispatch = new NftChain(Table, "ingress-dispatch");
    }

    /// <summary>The table.</summary>
    public NftTable Table { get; }

    /// <summary>The pods' interfaces, as a wildcard.</summary>
    public NftValue PodInterfaces { get; }

    /// <summary>Pod and node addresses to identities.</summary>
    public NftSet Addresses { get; }

    /// <summary>Outside blocks to identities.</summary>
    public NftSet Blocks { get; }

    /// <summary>A pod's interface to its egress policy chain.</summary>
    public NftSet EgressEndpoints { get; }

    /// <summary>A pod's interface to its ingress policy chain.</summary>
    public NftSet IngressEndpoints { get; }

    /// <summary>The chain that sends a packet from a pod to its egress policy.</summary>
    public NftChain EgressDispatch { get; }

    /// <summary>The chain that sends a packet to a pod to its ingress policy.</summary>
    public NftChain IngressDispatch { get; }

    /// <summary>A policy chain.</summary>
    public NftChain Policy(string name) => new(Table, name);

    /// <summary>A policy's single ports: identity · protocol · port.</summary>
    public NftSet Ports(string policy) => new(Table, policy, AllowKey);

    /// <summary>A policy's port ranges.</summary>
    public NftSet Ranges(string policy) => new(Table, policy + "-ranges", AllowKey, NftSetFlags.Interval);

    /// <summary>A policy's ICMP types (type · code as one 16-bit value).</summary>
    public NftSet IcmpTypes(string policy) => new(Table, policy + "-icmp", AllowKey, NftSetFlags.Interval);

    private static NftKeyType AllowKey { get; } = NftKeyType.Of(NftDataType.Mark, NftDataType.InetProto, NftDataType.InetService);

    /// <summary>Adds the table with its maps and fixed chains, replacing one that exists — in the same transaction, so atomically.</summary>
    public void AddSkeleton(NftTransaction tx)
    {
        tx.AddTable(Table).DeleteTable(Table).AddTable(Table);
        foreach (var set in new[] { Addresses, Blocks, EgressEndpoints, IngressEndpoints }) tx.AddSet(set);
        AddDispatch(tx, EgressDispatch, NftField.IifName, EgressEndpoints, "egress");
        AddDispatch(tx, IngressDispatch, NftField.OifName, IngressEndpoints, "ingress");
        AddBase(tx, NftHookPoint.Forward, hairpin: true, EgressDispatch, IngressDispatch);
        AddBase(tx, NftHookPoint.Input, hairpin: false, EgressDispatch);
        AddBase(tx, NftHookPoint.Output, hairpin: false, IngressDispatch);
    }

    private void AddDispatch(NftTransaction tx, NftChain chain, NftField iface, NftSet map, string direction)
    {
        tx.AddChain(chain)
            .AddRule(chain, new NftVerdictMap([iface], map.Name))
            .AddRule(chain, new NftRule([new NftMatch(iface, [PodInterfaces]), new NftCounter(), new NftVerdictStatement(NftVerdict.Drop)], $"{direction} of a pod not programmed yet"));
    }

    private void AddBase(NftTransaction tx, NftHookPoint point, bool hairpin, params NftChain[] dispatch)
    {
        var chain = new NftChain(Table, point.ToString().ToLowerInvariant(), new NftHook(NftChainType.Filter, point, 0));
        tx.AddChain(chain).AddRule(chain, new NftMatch(NftField.CtState, [NftValue.State(NftCtState.Established), NftValue.State(NftCtState.Related)]), new NftVerdictStatement(NftVerdict.Accept));
        // A pod reaching itself through its Service is not policy's business, and keeps its masquerade mark.
        if (hairpin) tx.AddRule(chain, new NftMaskMatch(NftField.MetaMark, HairpinMark, HairpinMark), new NftVerdictStatement(NftVerdict.Accept));
        tx.AddRule(chain, NftMarkSet.FromMap(NftMarkTarget.Meta, [NftField.IpSaddr], Blocks.Name))
            .AddRule(chain, NftMarkSet.FromMap(NftMarkTarget.Meta, [NftField.IpSaddr], Addresses.Name))
            .AddRule(chain, NftMarkSet.FromMap(NftMarkTarget.Ct, [NftField.IpDaddr], Blocks.Name))
            .AddRule(chain, NftMarkSet.FromMap(NftMarkTarget.Ct, [NftField.IpDaddr], Addresses.Name));
        foreach (var d in dispatch) tx.AddRule(chain, new NftVerdictStatement(NftVerdict.Jump(d.Name)));
        // Identities never leave the chain: no other table may mistake one for the masquerade bit.
        tx.AddRule(chain, NftMarkSet.To(NftMarkTarget.Meta, 0));
    }

    /// <summary>Adds a policy chain, its three sets and their entries.</summary>
    public void AddPolicy(NftTransaction tx, string name, bool egress, PolicySets policy)
    {
        // Egress looks up the destination's identity (ct mark), ingress the source's (meta mark).
        var peer = egress ? NftField.CtMark : NftField.MetaMark;
        var chain = Policy(name);
        tx.AddSet(Ports(name)).AddSet(Ranges(name)).AddSet(IcmpTypes(name)).AddChain(chain)
            .AddRule(chain, new NftLookup([peer, NftField.MetaL4Proto, NftField.ThDport], Ports(name).Name), new NftVerdictStatement(NftVerdict.Return))
            .AddRule(chain, new NftLookup([peer, NftField.MetaL4Proto, NftField.ThDport], Ranges(name).Name), new NftVerdictStatement(NftVerdict.Return))
            .AddRule(chain, new NftLookup([peer, NftField.MetaL4Proto, NftField.ThSport], IcmpTypes(name).Name), new NftVerdictStatement(NftVerdict.Return))
            .AddRule(chain, new NftRule([new NftCounter(), new NftVerdictStatement(NftVerdict.Drop)], Comment(policy.Description)));
        ChangeEntries(tx, name, policy.Entries, []);
    }

    /// <summary>Deletes a policy chain and its sets (no endpoint may still be dispatched to it).</summary>
    public void DeletePolicy(NftTransaction tx, string name) =>
        tx.DeleteChain(Policy(name)).DeleteSet(Ports(name)).DeleteSet(Ranges(name)).DeleteSet(IcmpTypes(name));

    /// <summary>Adds <paramref name="added"/> and deletes <paramref name="deleted"/> entries of a policy's sets.</summary>
    public void ChangeEntries(NftTransaction tx, string name, IEnumerable<AllowEntry> added, IEnumerable<AllowEntry> deleted)
    {
        var add = added.ToList();
        var delete = deleted.ToList();
        foreach (var (set, which) in new (NftSet, Func<AllowEntry, bool>)[] { (Ports(name), e => e.IsSinglePort), (Ranges(name), e => !e.IsSinglePort && e.Protocol != AllowEntry.Icmp), (IcmpTypes(name), e => e.Protocol == AllowEntry.Icmp) })
        {
            tx.DeleteElements(set, delete.Where(which).Select(Element));
            tx.AddElements(set, add.Where(which).Select(Element));
        }
    }

    /// <summary>The element of an entry.</summary>
    public static NftElement Element(AllowEntry e) => new(
        [NftValue.Mark(e.Identity), NftValue.Range(NftDataType.InetProto, e.Protocol, e.Protocol), NftValue.Ports(e.From, e.To)]);

    /// <summary>The element of an address's identity.</summary>
    public static NftElement Element(uint address, uint identity) =>
        new([NftValue.Range(NftDataType.Ipv4Addr, address, address)], NftValue.Mark(identity));

    /// <summary>The element of an outside block's identity.</summary>
    public static NftElement Element(AddressBlock block) =>
        new([NftValue.Range(NftDataType.Ipv4Addr, block.First, block.Last)], NftValue.Mark(block.Identity));

    /// <summary>The dispatch element of a pod's interface: its policy chain, or on to the next check when none.</summary>
    public static NftElement Element(string ifname, string? policy) =>
        new([NftValue.Interface(ifname)], verdict: policy is null ? NftVerdict.Return : NftVerdict.Goto(policy));

    private static string Comment(string description)
    {
        var text = new string([.. description.Select(c => c is '"' or '\\' || char.IsControl(c) ? '\'' : c)]) + ": no policy allows it";
        return text.Length > NftRule.MaxComment ? text[..NftRule.MaxComment] : text;
    }
}
