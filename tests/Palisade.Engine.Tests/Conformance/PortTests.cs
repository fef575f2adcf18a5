using static Palisade.Engine.Tests.Conformance.Scenario;

namespace Palisade.Engine.Tests.Conformance;

/// <summary>
/// Numeric ports: protocol defaults to TCP; a port omitted means every port of its protocol; endPort makes an inclusive
/// range; entries are ORed; a rule's peers and ports must both match. A UDP or SCTP entry never allows TCP.
/// </summary>
public class PortTests
{
    private const string XaClosed = """
        x/a  X.. ... ...
        x/b  X.. ... ...
        x/c  X.. ... ...
        y/a  X.. ... ...
        y/b  X.. ... ...
        y/c  X.. ... ...
        z/a  X.. ... ...
        z/b  X.. ... ...
        z/c  X.. ... ...
        """;

    /// <summary>x/a admits every source on <paramref name="ports"/> (a YAML flow sequence).</summary>
    private static NetpolModel XaAdmitsOn(string ports) => Model.With(NetworkPolicy("x", "ports", $$$"""
        podSelector: {matchLabels: {pod: a}}
        ingress:
        - ports: {{{ports}}}
        """));

    [Fact]
    public void A_port_without_protocol_allows_that_tcp_port_only()
    {
        Verify(XaAdmitsOn("[{port: 80}]"),
            On(Probe.Tcp80, TruthTable.AllAllowed),
            On([.. Probe.AllBut(Probe.Tcp80), Probe.Tcp(8080)], XaClosed));
    }

    [Fact]
    public void A_udp_port_never_allows_tcp_or_sctp()
    {
        Verify(XaAdmitsOn("[{protocol: UDP, port: 80}]"),
            On(Probe.Udp80, TruthTable.AllAllowed),
            On(Probe.AllBut(Probe.Udp80), XaClosed));
    }

    [Fact]
    public void An_sctp_port_never_allows_tcp_or_udp()
    {
        Verify(XaAdmitsOn("[{protocol: SCTP, port: 81}]"),
            On(Probe.Sctp81, TruthTable.AllAllowed),
            On(Probe.AllBut(Probe.Sctp81), XaClosed));
    }

    [Fact]
    public void A_protocol_without_a_port_allows_every_port_of_that_protocol()
    {
        Verify(XaAdmitsOn("[{protocol: UDP}]"),
            On([Probe.Udp80, Probe.Udp81, Probe.Udp(53), Probe.Udp(65535)], TruthTable.AllAllowed),
            On([Probe.Tcp80, Probe.Tcp81, Probe.Sctp80, Probe.Sctp81], XaClosed));
    }

    [Fact]
    public void An_empty_port_entry_means_every_tcp_port()
    {
        Verify(XaAdmitsOn("[{}]"),
            On([Probe.Tcp80, Probe.Tcp81, Probe.Tcp(1)], TruthTable.AllAllowed),
            On([Probe.Udp80, Probe.Udp81, Probe.Sctp80, Probe.Sctp81], XaClosed));
    }

    [Fact]
    public void End_port_makes_an_inclusive_range()
    {
        Verify(XaAdmitsOn("[{port: 80, endPort: 81}]"),
            On([Probe.Tcp80, Probe.Tcp81], TruthTable.AllAllowed),
            On([Probe.Tcp(79), Probe.Tcp(82), Probe.Udp80, Probe.Udp81, Probe.Sctp80, Probe.Sctp81], XaClosed));
    }

    [Fact]
    public void End_port_includes_its_own_number()
    {
        Verify(XaAdmitsOn("[{port: 79, endPort: 80}]"),
            On([Probe.Tcp(79), Probe.Tcp80], TruthTable.AllAllowed),
            On([Probe.Tcp(78), Probe.Tcp81, Probe.Udp80, Probe.Udp81, Probe.Sctp80, Probe.Sctp81], XaClosed));
    }

    [Fact]
    public void Port_entries_are_ored()
    {
        Verify(XaAdmitsOn("[{port: 80}, {protocol: SCTP, port: 81}]"),
            On([Probe.Tcp80, Probe.Sctp81], TruthTable.AllAllowed),
            On([Probe.Tcp81, Probe.Udp80, Probe.Udp81, Probe.Sctp80], XaClosed));
    }

    [Fact]
    public void Each_rule_pairs_its_own_peers_with_its_own_ports()
    {
        // A rule is (peers AND ports); rules are ORed: x/b only on TCP 80, x/c only on UDP 81, never crossed.
        Verify(Model.With(NetworkPolicy("x", "pairs", """
                podSelector: {matchLabels: {pod: a}}
                ingress:
                - from: [{podSelector: {matchLabels: {pod: b}}}]
                  ports: [{port: 80}]
                - from: [{podSelector: {matchLabels: {pod: c}}}]
                  ports: [{protocol: UDP, port: 81}]
                """)),
            On(Probe.Tcp80, """
                x/a  X.. ... ...
                x/b  ... ... ...
                x/c  X.. ... ...
                y/a  X.. ... ...
                y/b  X.. ... ...
                y/c  X.. ... ...
                z/a  X.. ... ...
                z/b  X.. ... ...
                z/c  X.. ... ...
                """),
            On(Probe.Udp81, """
                x/a  X.. ... ...
                x/b  X.. ... ...
                x/c  ... ... ...
                y/a  X.. ... ...
                y/b  X.. ... ...
                y/c  X.. ... ...
                z/a  X.. ... ...
                z/b  X.. ... ...
                z/c  X.. ... ...
                """),
            On([Probe.Tcp81, Probe.Udp80, Probe.Sctp80, Probe.Sctp81], XaClosed));
    }

    [Fact]
    public void Egress_ports_limit_what_the_source_may_open()
    {
        Verify(Model.With(NetworkPolicy("x", "egress-81", """
                podSelector: {matchLabels: {pod: a}}
                policyTypes: [Egress]
                egress:
                - ports: [{port: 81}]
                """)),
            On(Probe.Tcp81, TruthTable.AllAllowed),
            On(Probe.AllBut(Probe.Tcp81), """
                x/a  XXX XXX XXX
                x/b  ... ... ...
                x/c  ... ... ...
                y/a  ... ... ...
                y/b  ... ... ...
                y/c  ... ... ...
                z/a  ... ... ...
                z/b  ... ... ...
                z/c  ... ... ...
                """),
            ToOutside("192.0.2.10", [Probe.Tcp81], "... ... ..."),
            ToOutside("192.0.2.10", [Probe.Tcp80], "X.. ... ..."));
    }
}
