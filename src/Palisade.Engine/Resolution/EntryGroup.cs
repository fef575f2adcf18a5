using Palisade.Engine.Ir;

namespace Palisade.Engine.Resolution;

/// <summary>Entries of equal precedence and the same action; their matches form a union (Kubernetes' allows).</summary>
internal sealed record EntryGroup(RuleAction Action, double Order, IReadOnlyList<PolicyMapEntry> Entries);
