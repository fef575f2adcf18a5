namespace Palisade.Engine.Verdicts;

/// <summary>The verdict for a flow: allowed only when both the source's egress and the destination's ingress allow it.</summary>
public sealed record Verdict(FlowQuery Flow, SideVerdict Egress, SideVerdict Ingress)
{
    /// <summary>True when the connection is allowed (replies of an allowed connection always are).</summary>
    public bool Allowed => Egress.Allowed && Ingress.Allowed;
}
