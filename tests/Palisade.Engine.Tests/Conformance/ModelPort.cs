namespace Palisade.Engine.Tests.Conformance;

/// <summary>A container port a model pod serves: number, protocol (TCP, UDP, SCTP) and its name.</summary>
internal sealed record ModelPort(int Port, string Protocol, string Name)
{
    /// <summary>The upstream name: serve-80-tcp, serve-81-udp, ...</summary>
    public static ModelPort Upstream(int port, string protocol) => new(port, protocol, $"serve-{port}-{protocol.ToLowerInvariant()}");

    /// <summary>The upstream container name: cont-80-tcp, ...</summary>
    public string ContainerName => $"cont-{Port}-{Protocol.ToLowerInvariant()}";
}
