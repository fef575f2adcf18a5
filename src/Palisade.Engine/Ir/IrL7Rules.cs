namespace Palisade.Engine.Ir;

/// <summary>
/// Placeholder for L7 rules (HTTP, DNS) carried by a port rule; a port with L7 rules is redirected to a proxy.
/// Kubernetes NetworkPolicy has none; the Cilium dialect fills it.
/// </summary>
public abstract record IrL7Rules;
