namespace Palisade.Engine.Verdicts;

/// <summary>The verdict for a flow: allowed only when both the source's egress and the destination's ingress allow it.</summary>
public sealed record Verdict(FlowQuery Flow, SideVerdict Egress, SideVerdict Ingress)
{
    /// <summary>
    /// True when the connection is allowed (replies of an allowed connection always are): both sides allow it at
    /// L3/L4 and, where the port is redirected to a proxy and the flow carries a request, the L7 rules pass it.
    /// </summary>
    public bool Allowed => Egress.Passes && Ingress.Passes;
}
