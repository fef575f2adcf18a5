using Palisade.Policy.Binding;
using Palisade.Policy.Cilium;
using Palisade.Policy.Diagnostics;
using Palisade.Policy.Yaml;

namespace Palisade.Policy.Tests.Cilium;

/// <summary>Binds Cilium policies from YAML exactly as the loader will, and validates them.</summary>
internal static class CiliumTestKit
{
    /// <summary>Binds and validates the single document of <paramref name="yaml"/> (kind decides the model).</summary>
    public static CheckResult Check(string yaml)
    {
        var bag = new DiagnosticBag();
        var document = Assert.Single(YamlReader.Read("cilium.yaml", yaml, bag));
        return Check(document, bag);
    }

    /// <summary>Binds and validates one document; <paramref name="bag"/> may already hold reader diagnostics.</summary>
    public static CheckResult Check(YDocument document, DiagnosticBag bag)
    {
        var context = new BindContext(document, bag, Severity.Error);
        object? policy = KindOf(document) == "CiliumClusterwideNetworkPolicy"
            ? ObjectBinder.Bind<CiliumClusterwideNetworkPolicy>(document.Root, context)
            : ObjectBinder.Bind<CiliumNetworkPolicy>(document.Root, context);
        var findings = bag.Items.Select(d => new Finding(d.Severity, d.FieldPath, d.Message, d.Hint)).ToList();
        if (policy is not null)
        {
            findings.AddRange(CiliumPolicyValidator.Validate(policy).Select(p => new Finding(p.Severity, p.Path.ToString(), p.Message, p.Hint)));
        }
        return new CheckResult(policy, findings);
    }

    /// <summary>The <c>kind</c> of a document, or null.</summary>
    public static string? KindOf(YDocument document) => ((document.Root as YMapping)?["kind"] as YScalar)?.Value;

    /// <summary>A CiliumNetworkPolicy named test whose spec is <paramref name="spec"/> (YAML at column 0).</summary>
    public static CheckResult Cnp(string spec) => Check(Wrap("CiliumNetworkPolicy", spec));

    /// <summary>A CiliumClusterwideNetworkPolicy named test whose spec is <paramref name="spec"/>.</summary>
    public static CheckResult Ccnp(string spec) => Check(Wrap("CiliumClusterwideNetworkPolicy", spec));

    /// <summary>A policy of <paramref name="kind"/> with <paramref name="spec"/> indented under <c>spec:</c>.</summary>
    public static string Wrap(string kind, string spec) =>
        $"apiVersion: cilium.io/v2\nkind: {kind}\nmetadata:\n  name: test\nspec:\n" + string.Join("\n", spec.Split('\n').Select(l => "  " + l)) + "\n";

    /// <summary>An egress allow rule with one port rule for the given ports and L7 rules, selecting app=web.</summary>
    public static CheckResult EgressPorts(string portRule) => Cnp($$$"""
        endpointSelector: {matchLabels: {app: web}}
        egress:
        - toPorts:
          - {{{portRule}}}
        """);
}
