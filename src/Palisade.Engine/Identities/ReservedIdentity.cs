namespace Palisade.Engine.Identities;

/// <summary>Cilium's reserved identities, with Cilium's numbers (pkg/identity/numericidentity.go).</summary>
public enum ReservedIdentity
{
    Unknown = 0,
    Host = 1,
    World = 2,
    Unmanaged = 3,
    Health = 4,
    Init = 5,
    RemoteNode = 6,
    KubeApiServer = 7,
    Ingress = 8,
    WorldIpv4 = 9,
    WorldIpv6 = 10,
}
