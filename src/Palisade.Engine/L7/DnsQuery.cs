namespace Palisade.Engine.L7;

/// <summary>
/// A DNS query as an L7 <c>dns</c> rule sees it: the question name as the client asked it (any case, with or without
/// the trailing dot). Matching normalises it (<see cref="DnsNamePattern.Normalize"/>), as Cilium's DNS proxy does.
/// </summary>
public sealed record DnsQuery(string Name)
{
    /// <inheritdoc/>
    public override string ToString() => Name;
}
