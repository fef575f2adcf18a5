namespace Palisade.Engine.Ir;

/// <summary>
/// What a matching rule does. Allow and Deny are final; Pass leaves the current tier (admin Pass goes to the tiered
/// policies); Log records the match and evaluation continues.
/// </summary>
public enum RuleAction
{
    Deny = 0,
    Pass = 1,
    Allow = 2,
    Log = 3,
}
