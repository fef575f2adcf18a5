using static Palisade.Engine.Tests.Conformance.Scenario;

namespace Palisade.Engine.Tests.Conformance;

/// <summary>
/// Absent, empty and <c>[{}]</c> rule lists, and absent or empty <c>from</c>/<c>to</c>/<c>ports</c> inside a rule:
/// no rule allows nothing; an empty rule, or a rule without peers or ports, allows every peer or every port.
/// </summary>
public class RuleListTests
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

    private const string XaEgressClosed = """
        x/a  XXX XXX XXX
        x/b  ... ... ...
        x/c  ... ... ...
        y/a  ... ... ...
        y/b  ... ... ...
        y/c  ... ... ...
        z/a  ... ... ...
        z/b  ... ... ...
        z/c  ... ... ...
        """;

    [Fact]
    public void An_absent_ingress_list_allows_no_source()
    {
        Verify(Model.With(NetworkPolicy("x", "a", """
                podSelector: {matchLabels: {pod: a}}
                policyTypes: [Ingress]
                """)),
            On(Probe.All, XaClosed),
            FromOutside("192.0.2.10", Probe.All, "X.. ... ..."));
    }

    [Fact]
    public void An_empty_ingress_list_allows_no_source()
    {
        Verify(Model.With(NetworkPolicy("x", "a", """
                podSelector: {matchLabels: {pod: a}}
                policyTypes: [Ingress]
                ingress: []
                """)),
            On(Probe.All, XaClosed));
    }

    [Fact]
    public void One_empty_ingress_rule_allows_every_source_on_every_port()
    {
        Verify(Model.With(NetworkPolicy("x", "a", """
                podSelector: {matchLabels: {pod: a}}
                ingress: [{}]
                """)),
            On(Probe.All, TruthTable.AllAllowed),
            On([Probe.Tcp(8080), Probe.Udp(53)], TruthTable.AllAllowed),
            FromOutside("192.0.2.10", Probe.All, "... ... ..."));
    }

    [Fact]
    public void One_empty_egress_rule_isolates_egress_but_allows_every_destination()
    {
        // No policyTypes: Ingress (no rules, so closed) and Egress (one rule); x/a's own row stays open.
        Verify(Model.With(NetworkPolicy("x", "a", """
                podSelector: {matchLabels: {pod: a}}
                egress: [{}]
                """)),
            On(Probe.All, XaClosed),
            ToOutside("192.0.2.10", Probe.All, "... ... ..."));
    }

    [Fact]
    public void An_empty_egress_list_with_policy_type_egress_allows_no_destination()
    {
        Verify(Model.With(NetworkPolicy("x", "a", """
                podSelector: {matchLabels: {pod: a}}
                policyTypes: [Egress]
                egress: []
                """)),
            On(Probe.All, XaEgressClosed),
            ToOutside("192.0.2.10", Probe.All, "X.. ... ..."));
    }

    [Fact]
    public void A_rule_without_from_allows_every_source_on_its_ports()
    {
        Verify(Model.With(NetworkPolicy("x", "a", """
                podSelector: {matchLabels: {pod: a}}
                ingress:
                - ports: [{port: 80}]
                """)),
            On(Probe.Tcp80, TruthTable.AllAllowed),
            On(Probe.AllBut(Probe.Tcp80), XaClosed),
            FromOutside("192.0.2.10", [Probe.Tcp80], "... ... ..."),
            FromOutside("192.0.2.10", [Probe.Udp80, Probe.Tcp81], "X.. ... ..."));
    }

    [Fact]
    public void A_rule_with_an_empty_from_list_allows_every_source_on_its_ports()
    {
        Verify(Model.With(NetworkPolicy("x", "a", """
                podSelector: {matchLabels: {pod: a}}
                ingress:
                - from: []
                  ports: [{port: 80}]
                """)),
            On(Probe.Tcp80, TruthTable.AllAllowed),
            On(Probe.AllBut(Probe.Tcp80), XaClosed),
            FromOutside("192.0.2.10", [Probe.Tcp80], "... ... ..."));
    }

    [Fact]
    public void A_rule_with_an_empty_to_list_allows_every_destination_on_its_ports()
    {
        Verify(Model.With(NetworkPolicy("x", "a", """
                podSelector: {matchLabels: {pod: a}}
                policyTypes: [Egress]
                egress:
                - to: []
                  ports: [{protocol: UDP, port: 81}]
                """)),
            On(Probe.Udp81, TruthTable.AllAllowed),
            On(Probe.AllBut(Probe.Udp81), XaEgressClosed),
            ToOutside("192.0.2.10", [Probe.Udp81], "... ... ..."),
            ToOutside("192.0.2.10", [Probe.Udp80], "X.. ... ..."));
    }

    [Fact]
    public void A_rule_with_an_empty_ports_list_allows_every_port_from_its_peers()
    {
        Verify(Model.With(NetworkPolicy("x", "a", """
                podSelector: {matchLabels: {pod: a}}
                ingress:
                - from: [{podSelector: {matchLabels: {pod: b}}}]
                  ports: []
                """)),
            On([.. Probe.All, Probe.Tcp(8080)], """
                x/a  X.. ... ...
                x/b  ... ... ...
                x/c  X.. ... ...
                y/a  X.. ... ...
                y/b  X.. ... ...
                y/c  X.. ... ...
                z/a  X.. ... ...
                z/b  X.. ... ...
                z/c  X.. ... ...
                """));
    }
}
