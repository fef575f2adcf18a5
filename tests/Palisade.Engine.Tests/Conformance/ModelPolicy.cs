namespace Palisade.Engine.Tests.Conformance;

/// <summary>A NetworkPolicy of a scenario: its namespace, name and spec (YAML, without the <c>spec:</c> key).</summary>
internal sealed record ModelPolicy(string Namespace, string Name, string Spec)
{
    /// <summary>The whole object as a YAML document.</summary>
    public string ToYaml()
    {
        var spec = Spec.Trim('\n').Split('\n').Select(line => "  " + line);
        return string.Join("\n", [
            "apiVersion: networking.k8s.io/v1",
            "kind: NetworkPolicy",
            $"metadata: {{name: \"{Name}\", namespace: \"{Namespace}\"}}",
            "spec:",
            .. spec,
        ]) + "\n";
    }
}
