using Palisade.Engine.Ir;

namespace Palisade.Engine.Resolution;

/// <summary>
/// The part of an identity's policy map in one tier: its entry groups in precedence order, and the policies of the
/// tier that isolate the identity (when any do, what no rule decides is denied at the end of the tier).
/// </summary>
internal sealed record TierBlock(PolicyLayer Layer, string Tier, double TierOrder, IReadOnlyList<EntryGroup> Groups, IReadOnlyList<PolicyRef> IsolatedBy);
