using CsCheck;
using k8s.Models;

namespace Palisade.Testing.Generators;

/// <summary>Generates a rule's <c>ports</c>: null, empty, or 1–2 entries (numeric, ranged, named or absent ports).</summary>
public static class PortGen
{
    private static readonly string[] NamedPorts = ["http", "dns", "metrics", "sctp", "http-alt", "nope"];

    /// <summary>A rule's ports list: null, [], or 1–2 entries.</summary>
    public static Gen<List<V1NetworkPolicyPort>?> Ports { get; } = Gen.Frequency(
        (2, Gen.Const(() => (List<V1NetworkPolicyPort>?)null)),
        (1, Gen.Const(() => (List<V1NetworkPolicyPort>?)[])),
        (5, Entry().Array[1, 2].Select(entries => (List<V1NetworkPolicyPort>?)[.. entries])));

    /// <summary>
    /// One entry: protocol absent/TCP/UDP/SCTP; port absent, 53, 80, 81 (with an optional endPort ≥ port) or a
    /// named port. Numeric ports are built from ints so that they serialise as plain YAML ints.
    /// </summary>
    private static Gen<V1NetworkPolicyPort> Entry()
    {
        var protocol = Gen.Frequency((3, (string?)null), (2, "TCP"), (2, "UDP"), (1, "SCTP"));
        var numeric = Gen.Select(Gen.OneOf(80, 81, 80, 81, 53), Gen.OneOf(0, 0, 0, 1, 81, 8080), NumericPort);
        var named = Gen.OneOf(NamedPorts).Select(name => (Port: (IntOrString?)name, EndPort: (int?)null));
        var none = Gen.Const(() => (Port: (IntOrString?)null, EndPort: (int?)null));
        var port = Gen.Frequency((2, none), (4, numeric), (3, named));
        return Gen.Select(protocol, port, (proto, p) =>
            new V1NetworkPolicyPort { Protocol = proto, Port = p.Port, EndPort = p.EndPort });
    }

    /// <summary>endPortPick: 0 = none, 1 = same as port, otherwise that number if it is not below the port.</summary>
    private static (IntOrString? Port, int? EndPort) NumericPort(int port, int endPortPick)
    {
        int? endPort = endPortPick switch
        {
            0 => null,
            1 => port,
            _ when endPortPick >= port => endPortPick,
            _ => null,
        };
        return (port, endPort);
    }
}
