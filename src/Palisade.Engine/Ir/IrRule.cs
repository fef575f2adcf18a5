namespace Palisade.Engine.Ir;

/// <summary>
/// One rule of a policy in one direction. <see cref="Peers"/> null means every peer; <see cref="Ports"/> null means
/// every port of every protocol. <see cref="Index"/> is the rule's position in its dialect's list for that
/// direction, as shown in explanations (e.g. ingress[1]).
/// </summary>
public sealed record IrRule(
    Direction Direction,
    RuleAction Action,
    int Index,
    IReadOnlyList<IrPeer>? Peers,
    IReadOnlyList<IrPort>? Ports,
    string Label,
    IrL7Rules? L7 = null,
    string? Log = null);
