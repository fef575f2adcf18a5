using Palisade.Agent.Compilation;
using Palisade.Datapath.Nft;
using Palisade.Engine.Ir;

namespace Palisade.Agent.Programming;

/// <summary>
/// The shape of a node's policy table (<c>table inet palisade</c>) as typed nft objects, and the commands that add or
/// remove its parts. Base chains on forward, input and output: replies and established flows are accepted first; the
/// source's identity goes to <c>meta mark</c> and the destination's to <c>ct mark</c> (the outside blocks first, then
/// the exact pod and node addresses over them); the packet is dispatched on its interfaces — egress on the pod's veth it
/// came in from, ingress on the pod's veth it goes out to — through verdict maps to its identity's policy chain, where
/// three verdict-map lookups (single ports, port ranges, ICMP types) send the packet to the chain of the verdict that
/// decides it (<c>v-NUMBER</c>: logged to NFLOG with the number, then returned or counted and dropped) and anything
/// else goes to the chain's default verdict. A pod interface no map knows is dropped: an endpoint is not reachable, nor
/// able to send, before it is programmed.
/// </summary>
public sealed class NodeTable
{
    /// <summary>The mark the Services table puts on a pod reaching itself through its own Service (masquerade).</summary>
    public const uint HairpinMark = 0x4000;

    /// <summary>Describes the table named <paramref name="name"/>, whose pods' interfaces start with <paramref name="podInterfacePrefix"/>, logging verdicts as <paramref name="logging"/> says (default: all).</summary>
    public NodeTable(string name = "palisade", string podInterfacePrefix = "lxc", FlowLogging? logging = null)
    {
        Logging = logging ?? new FlowLogging();
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

    /// <summary>How verdicts are reported.</summary>
    public FlowLogging Logging { get; }

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

    /// <summary>A policy's single ports: identity · protocol · port → verdict chain.</summary>
    public NftSet Ports(string policy) => new(Table, policy, EntryKey, NftSetFlags.None, NftMapData.Verdict);

    /// <summary>A policy's port ranges.</summary>
    public NftSet Ranges(string policy) => new(Table, policy + "-ranges", EntryKey, NftSetFlags.Interval, NftMapData.Verdict);

    /// <summary>A policy's ICMP types (type · code as one 16-bit value).</summary>
    public NftSet IcmpTypes(string policy) => new(Table, policy + "-icmp", EntryKey, NftSetFlags.Interval, NftMapData.Verdict);

    /// <summary>A verdict's chain.</summary>
    public NftChain Verdict(uint number) => new(Table, VerdictRule.ChainName(number));

    private static NftKeyType EntryKey { get; } = NftKeyType.Of(NftDataType.Mark, NftDataType.InetProto, NftDataType.InetService);

    /// <summary>Adds the table with its maps and fixed chains, replacing one that exists — in the same transaction, so atomically.</summary>
    public void AddSkeleton(NftTransaction tx)
    {
        tx.AddTable(Table).DeleteTable(Table).AddTable(Table);
        foreach (var set in new[] { Addresses, Blocks, EgressEndpoints, IngressEndpoints }) tx.AddSet(set);
        AddVerdict(tx, VerdictNumbering.OpenRule(Direction.Egress));
        AddVerdict(tx, VerdictNumbering.OpenRule(Direction.Ingress));
        AddDispatch(tx, EgressDispatch, NftField.IifName, EgressEndpoints, "egress");
        AddDispatch(tx, IngressDispatch, NftField.OifName, IngressEndpoints, "ingress");
        AddBase(tx, NftHookPoint.Forward, hairpin: true, EgressDispatch, IngressDispatch);
        AddBase(tx, NftHookPoint.Input, hairpin: false, EgressDispatch);
        AddBase(tx, NftHookPoint.Output, hairpin: false, IngressDispatch);
    }

    private void AddDispatch(NftTransaction tx, NftChain chain, NftField iface, NftSet map, string direction)
    {
        var unprogrammed = direction == "egress" ? VerdictNumbering.UnprogrammedEgress : VerdictNumbering.UnprogrammedIngress;
        NftStatement[] report = Logging.Drops ? [new NftLog(FlowLogging.Prefix + unprogrammed, Logging.Group)] : [];
        tx.AddChain(chain)
            .AddRule(chain, new NftVerdictMap([iface], map.Name))
            .AddRule(chain, new NftRule([new NftMatch(iface, [PodInterfaces]), .. report, new NftCounter(), new NftVerdictStatement(NftVerdict.Drop)], $"{direction} of a pod not programmed yet"));
    }

    private void AddBase(NftTransaction tx, NftHookPoint point, bool hairpin, params NftChain[] dispatch)
    {
        var chain = new NftChain(Table, point.ToString().ToLowerInvariant(), new NftHook(NftChainType.Filter, point, 0));
        tx.AddChain(chain).AddRule(chain, new NftMatch(NftField.CtState, [NftValue.State(NftCtState.Established), NftValue.State(NftCtState.Related)]), new NftVerdictStatement(NftVerdict.Accept));
        // Policy is IPv4 (the maps are): IPv6 here is the link-local neighbour discovery between a pod and its node.
        tx.AddRule(chain, new NftRule([new NftMatch(NftField.MetaNfProto, [NftValue.Family(ipv6: true)]), new NftVerdictStatement(NftVerdict.Accept)], "IPv6: link-local only in an IPv4 cluster"));
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

    /// <summary>Adds a verdict's chain: log it (drops always, allows unless told not to), then return or drop.</summary>
    public void AddVerdict(NftTransaction tx, VerdictRule verdict)
    {
        var chain = Verdict(verdict.Number);
        tx.AddChain(chain);
        var allowed = verdict.Decision.Allowed;
        if (allowed && Logging.Allowed && Logging.AllowedSample > 1)
        {
            tx.AddRule(chain, new NftRule([new NftSample(Logging.AllowedSample), new NftCounter(), new NftVerdictStatement(NftVerdict.Return)], "not sampled"));
        }
        if (allowed ? Logging.Allowed : Logging.Drops) tx.AddRule(chain, new NftLog(FlowLogging.Prefix + verdict.Number, Logging.Group));
        tx.AddRule(chain, new NftRule([new NftCounter(), new NftVerdictStatement(allowed ? NftVerdict.Return : NftVerdict.Drop)], Comment(verdict.Describe())));
    }

    /// <summary>Deletes a verdict's chain (no map element or chain may still send packets to it).</summary>
    public void DeleteVerdict(NftTransaction tx, uint number) => tx.DeleteChain(Verdict(number));

    /// <summary>Adds a policy chain, its three maps and their entries.</summary>
    public void AddPolicy(NftTransaction tx, string name, bool egress, PolicySets policy)
    {
        tx.AddSet(Ports(name)).AddSet(Ranges(name)).AddSet(IcmpTypes(name)).AddChain(Policy(name));
        AddPolicyRules(tx, name, egress, policy);
        ChangeEntries(tx, name, policy.Entries, []);
    }

    /// <summary>Writes a policy chain's rules again, for a new default verdict (its maps stay).</summary>
    public void ChangeDefault(NftTransaction tx, string name, bool egress, PolicySets policy)
    {
        tx.FlushChain(Policy(name));
        AddPolicyRules(tx, name, egress, policy);
    }

    private void AddPolicyRules(NftTransaction tx, string name, bool egress, PolicySets policy)
    {
        // Egress looks up the destination's identity (ct mark), ingress the source's (meta mark).
        var peer = egress ? NftField.CtMark : NftField.MetaMark;
        var chain = Policy(name);
        tx.AddRule(chain, new NftVerdictMap([peer, NftField.MetaL4Proto, NftField.ThDport], Ports(name).Name))
            .AddRule(chain, new NftVerdictMap([peer, NftField.MetaL4Proto, NftField.ThDport], Ranges(name).Name))
            .AddRule(chain, new NftVerdictMap([peer, NftField.MetaL4Proto, NftField.ThSport], IcmpTypes(name).Name))
            .AddRule(chain, new NftRule([new NftVerdictStatement(NftVerdict.Goto(VerdictRule.ChainName(policy.Default)))], Comment(policy.Description + ": the rest")));
    }

    /// <summary>Deletes a policy chain and its maps (no endpoint may still be dispatched to it).</summary>
    public void DeletePolicy(NftTransaction tx, string name) =>
        tx.DeleteChain(Policy(name)).DeleteSet(Ports(name)).DeleteSet(Ranges(name)).DeleteSet(IcmpTypes(name));

    /// <summary>Adds <paramref name="added"/> and deletes <paramref name="deleted"/> entries of a policy's maps.</summary>
    public void ChangeEntries(NftTransaction tx, string name, IEnumerable<PolicyEntry> added, IEnumerable<PolicyEntry> deleted)
    {
        var add = added.ToList();
        var delete = deleted.ToList();
        foreach (var (set, which) in new (NftSet, Func<PolicyEntry, bool>)[] { (Ports(name), e => e.IsSinglePort), (Ranges(name), e => !e.IsSinglePort && e.Protocol != PolicyEntry.Icmp), (IcmpTypes(name), e => e.Protocol == PolicyEntry.Icmp) })
        {
            tx.DeleteElements(set, delete.Where(which).Select(Element));
            tx.AddElements(set, add.Where(which).Select(Element));
        }
    }

    /// <summary>The element of an entry.</summary>
    public static NftElement Element(PolicyEntry e) => new(
        [NftValue.Mark(e.Identity), NftValue.Range(NftDataType.InetProto, e.Protocol, e.Protocol), NftValue.Ports(e.From, e.To)],
        verdict: NftVerdict.Goto(VerdictRule.ChainName(e.Verdict)));

    /// <summary>The element of an address's identity.</summary>
    public static NftElement Element(uint address, uint identity) =>
        new([NftValue.Range(NftDataType.Ipv4Addr, address, address)], NftValue.Mark(identity));

    /// <summary>The element of an outside block's identity.</summary>
    public static NftElement Element(AddressBlock block) =>
        new([NftValue.Range(NftDataType.Ipv4Addr, block.First, block.Last)], NftValue.Mark(block.Identity));

    /// <summary>The dispatch element of a pod's interface: its policy chain, or the open verdict of the direction when none.</summary>
    public static NftElement Element(string ifname, string? policy, Direction direction) =>
        new([NftValue.Interface(ifname)], verdict: NftVerdict.Goto(policy ?? VerdictRule.ChainName(VerdictNumbering.Open(direction))));

    private static string Comment(string description)
    {
        var text = new string([.. description.Select(c => c is '"' or '\\' || char.IsControl(c) ? '\'' : c)]);
        return text.Length > NftRule.MaxComment ? text[..NftRule.MaxComment] : text;
    }
}
