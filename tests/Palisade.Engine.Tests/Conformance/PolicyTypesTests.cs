using static Palisade.Engine.Tests.Conformance.Scenario;

namespace Palisade.Engine.Tests.Conformance;

/// <summary>
/// The directions a policy isolates: policyTypes when given; otherwise Ingress always and Egress only when the egress
/// list has at least one rule (the API server's defaulting). Rules of a direction not in force have no effect.
/// </summary>
public class PolicyTypesTests
{
    private const string IngressIsolatedOnly = """
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

    private const string IngressIsolatedAndEgressOnlyToXb = """
        x/a  X.X XXX XXX
        x/b  X.. ... ...
        x/c  X.. ... ...
        y/a  X.. ... ...
        y/b  X.. ... ...
        y/c  X.. ... ...
        z/a  X.. ... ...
        z/b  X.. ... ...
        z/c  X.. ... ...
        """;

    [Fact]
    public void Without_policy_types_or_rules_a_policy_isolates_ingress_only()
    {
        Verify(Model.With(NetworkPolicy("x", "a", "podSelector: {matchLabels: {pod: a}}")),
            On(Probe.All, IngressIsolatedOnly));
    }

    [Fact]
    public void Without_policy_types_an_egress_rule_makes_the_policy_isolate_egress_too()
    {
        Verify(Model.With(NetworkPolicy("x", "a", """
                podSelector: {matchLabels: {pod: a}}
                egress:
                - to: [{podSelector: {matchLabels: {pod: b}}}]
                """)),
            On(Probe.All, IngressIsolatedAndEgressOnlyToXb));
    }

    [Fact]
    public void Without_policy_types_an_empty_egress_list_does_not_isolate_egress()
    {
        Verify(Model.With(NetworkPolicy("x", "a", """
                podSelector: {matchLabels: {pod: a}}
                ingress: []
                egress: []
                """)),
            On(Probe.All, IngressIsolatedOnly));
    }

    [Fact]
    public void An_empty_policy_types_list_is_defaulted_like_an_absent_one()
    {
        Verify(Model.With(NetworkPolicy("x", "a", """
                podSelector: {matchLabels: {pod: a}}
                policyTypes: []
                egress:
                - to: [{podSelector: {matchLabels: {pod: b}}}]
                """)),
            On(Probe.All, IngressIsolatedAndEgressOnlyToXb));
    }

    [Fact]
    public void Policy_types_egress_alone_leaves_ingress_open_and_ignores_ingress_rules()
    {
        Verify(Model.With(NetworkPolicy("x", "a", """
                podSelector: {matchLabels: {pod: a}}
                policyTypes: [Egress]
                ingress:
                - from: [{podSelector: {matchLabels: {pod: b}}}]
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
                """));
    }

    [Fact]
    public void Policy_types_ingress_alone_leaves_egress_open_and_ignores_egress_rules()
    {
        Verify(Model.With(NetworkPolicy("x", "a", """
                podSelector: {matchLabels: {pod: a}}
                policyTypes: [Ingress]
                ingress:
                - from: [{podSelector: {matchLabels: {pod: b}}}]
                egress:
                - to: [{podSelector: {matchLabels: {pod: c}}}]
                """)),
            On(Probe.All, """
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

    [Fact]
    public void Policy_types_ingress_and_egress_without_rules_deny_both_directions()
    {
        Verify(Model.With(NetworkPolicy("x", "a", """
                podSelector: {matchLabels: {pod: a}}
                policyTypes: [Ingress, Egress]
                """)),
            On(Probe.All, """
                x/a  XXX XXX XXX
                x/b  X.. ... ...
                x/c  X.. ... ...
                y/a  X.. ... ...
                y/b  X.. ... ...
                y/c  X.. ... ...
                z/a  X.. ... ...
                z/b  X.. ... ...
                z/c  X.. ... ...
                """));
    }

    [Fact]
    public void Policy_types_listed_egress_first_mean_the_same_as_ingress_first()
    {
        Verify(Model.With(NetworkPolicy("x", "a", """
                podSelector: {matchLabels: {pod: a}}
                policyTypes: [Egress, Ingress]
                egress:
                - to: [{podSelector: {matchLabels: {pod: b}}}]
                """)),
            On(Probe.All, IngressIsolatedAndEgressOnlyToXb));
    }

    [Fact]
    public void Ingress_rules_of_an_egress_only_policy_allow_nothing_even_when_another_policy_isolates_ingress()
    {
        Verify(Model.With(
                NetworkPolicy("x", "egress-only", """
                    podSelector: {matchLabels: {pod: a}}
                    policyTypes: [Egress]
                    ingress:
                    - from: [{podSelector: {matchLabels: {pod: b}}}]
                    egress: [{}]
                    """),
                NetworkPolicy("x", "deny-ingress", "podSelector: {matchLabels: {pod: a}}")),
            On(Probe.All, IngressIsolatedOnly));
    }

    [Fact]
    public void Egress_rules_of_an_ingress_only_policy_allow_nothing_even_when_another_policy_isolates_egress()
    {
        Verify(Model.With(
                NetworkPolicy("x", "ingress-only", """
                    podSelector: {matchLabels: {pod: a}}
                    policyTypes: [Ingress]
                    ingress: [{}]
                    egress:
                    - to: [{podSelector: {matchLabels: {pod: b}}}]
                    """),
                NetworkPolicy("x", "deny-egress", """
                    podSelector: {matchLabels: {pod: a}}
                    policyTypes: [Egress]
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
                """));
    }
}
