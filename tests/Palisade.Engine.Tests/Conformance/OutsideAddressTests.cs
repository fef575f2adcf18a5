using static Palisade.Engine.Tests.Conformance.Scenario;

namespace Palisade.Engine.Tests.Conformance;

/// <summary>
/// Addresses that are no pod's, on either side: their own direction is not evaluated; only ipBlock peers (and rules
/// without peers) match them, never pod or namespace selectors.
/// </summary>
public class OutsideAddressTests
{
    [Fact]
    public void Without_policies_outside_addresses_reach_and_are_reached_by_every_pod()
    {
        Verify(Model,
            On(Probe.All, TruthTable.AllAllowed),
            FromOutside("192.0.2.10", Probe.All, "... ... ..."),
            ToOutside("192.0.2.10", Probe.All, "... ... ..."));
    }

    [Fact]
    public void An_ingress_ip_block_admits_outside_addresses_inside_it_only()
    {
        Verify(Model.With(NetworkPolicy("x", "from-documentation-net", """
                podSelector: {matchLabels: {pod: a}}
                ingress:
                - from: [{ipBlock: {cidr: 192.0.2.0/24, except: [192.0.2.128/25]}}]
                """)),
            On(Probe.All, """
                x/a  X.. ... ...
                x/b  X.. ... ...
                x/c  X.. ... ...
                y/a  X.. ... ...
                y/b  X.. ... ...
                y/c  X.. ... ...
                z/a  X.. ... ...
                z/b  X.. ... ...
                z/c  X.. ... ...
                """),
            FromOutside("192.0.2.10", Probe.All, "... ... ..."),
            FromOutside("192.0.2.200", Probe.All, "X.. ... ..."),
            FromOutside("198.51.100.7", Probe.All, "X.. ... ..."));
    }

    [Fact]
    public void An_egress_ip_block_except_the_pod_range_allows_the_outside_but_no_pod()
    {
        Verify(Model.With(NetworkPolicy("x", "to-the-internet", """
                podSelector: {matchLabels: {pod: a}}
                policyTypes: [Egress]
                egress:
                - to: [{ipBlock: {cidr: 0.0.0.0/0, except: [10.244.0.0/16]}}]
                """)),
            On(Probe.All, """
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
            ToOutside("192.0.2.10", Probe.All, "... ... ..."),
            ToOutside("10.244.99.1", Probe.All, "X.. ... ..."));
    }

    [Fact]
    public void Pod_and_namespace_selectors_never_match_outside_addresses()
    {
        Verify(Model.With(NetworkPolicy("x", "all-pods", """
                podSelector: {}
                policyTypes: [Ingress, Egress]
                ingress:
                - from: [{podSelector: {}}, {namespaceSelector: {}}]
                egress:
                - to: [{podSelector: {}}, {namespaceSelector: {}}]
                """)),
            On(Probe.All, TruthTable.AllAllowed),
            FromOutside("192.0.2.10", Probe.All, "XXX ... ..."),
            ToOutside("192.0.2.10", Probe.All, "XXX ... ..."));
    }

    [Fact]
    public void The_outside_side_of_a_connection_is_not_evaluated()
    {
        // Every pod of x is isolated both ways; pods of y and z and outside addresses have no policy of their own.
        Verify(Model.With(NetworkPolicy("x", "deny-all", """
                podSelector: {}
                policyTypes: [Ingress, Egress]
                """)),
            On(Probe.All, """
                x/a  XXX XXX XXX
                x/b  XXX XXX XXX
                x/c  XXX XXX XXX
                y/a  XXX ... ...
                y/b  XXX ... ...
                y/c  XXX ... ...
                z/a  XXX ... ...
                z/b  XXX ... ...
                z/c  XXX ... ...
                """),
            FromOutside("192.0.2.10", Probe.All, "XXX ... ..."),
            ToOutside("192.0.2.10", Probe.All, "XXX ... ..."));
    }

    [Fact]
    public void An_ipv4_block_never_matches_an_ipv6_address_and_an_ipv6_block_never_matches_an_ipv4_one()
    {
        Verify(Model.With(NetworkPolicy("x", "from-anywhere-v4", """
                podSelector: {matchLabels: {pod: a}}
                ingress:
                - from: [{ipBlock: {cidr: 0.0.0.0/0}}]
                """), NetworkPolicy("x", "from-anywhere-v6", """
                podSelector: {matchLabels: {pod: b}}
                ingress:
                - from: [{ipBlock: {cidr: "::/0"}}]
                """)),
            On(Probe.All, """
                x/a  .X. ... ...
                x/b  .X. ... ...
                x/c  .X. ... ...
                y/a  .X. ... ...
                y/b  .X. ... ...
                y/c  .X. ... ...
                z/a  .X. ... ...
                z/b  .X. ... ...
                z/c  .X. ... ...
                """),
            FromOutside("192.0.2.10", Probe.All, ".X. ... ..."),
            FromOutside("2001:db8::10", Probe.All, "X.. ... ..."));
    }
}
