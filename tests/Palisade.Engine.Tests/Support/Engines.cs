using Palisade.Engine.Cluster;
using Palisade.Engine.Ports;
using Palisade.Policy.Loading;
using Palisade.Policy.Net;

namespace Palisade.Engine.Tests.Support;

/// <summary>Builds engines from YAML the way the CLI does (loader, then engine), failing on any load error.</summary>
internal static class Engines
{
    /// <summary>Loads <paramref name="yaml"/> and builds its engine; fails listing every error and the input otherwise.</summary>
    public static PolicyEngine FromYaml(string yaml, ClusterOptions? options = null)
    {
        var set = ManifestLoader.LoadText(yaml, "test.yaml");
        if (set.HasErrors) Assert.Fail($"the input has errors:\n{string.Join("\n", set.Diagnostics)}\n--- input ---\n{yaml}");
        return EngineLoader.FromManifests(set, options);
    }

    /// <summary>The endpoint <c>namespace/name</c>, which must exist.</summary>
    public static Endpoint Pod(this PolicyEngine engine, string key) =>
        engine.Cluster.Find(key) ?? throw new InvalidOperationException($"no pod {key}");

    /// <summary>Parses an address written in a test.</summary>
    public static IpAddressValue Ip(string text) =>
        IpAddressValue.TryParse(text, out var ip) ? ip : throw new FormatException($"not an address: {text}");

    /// <summary>Parses TCP, UDP or SCTP.</summary>
    public static Protocol Protocol(string name) =>
        ProtocolNames.TryParse(name, out var p) ? p : throw new FormatException($"not a protocol: {name}");
}
