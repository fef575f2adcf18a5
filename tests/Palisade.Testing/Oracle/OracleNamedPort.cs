namespace Palisade.Testing.Oracle;

/// <summary>A named container port, used to resolve named ports in NetworkPolicy port entries.</summary>
/// <param name="Name">The port's IANA service name, e.g. "http".</param>
/// <param name="Protocol">"TCP", "UDP" or "SCTP".</param>
/// <param name="Port">The container port number.</param>
public sealed record OracleNamedPort(string Name, string Protocol, int Port);
