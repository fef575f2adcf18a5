namespace Palisade.Agent.Compilation;

/// <summary>A block of IPv4 addresses (first to last, inclusive) that policies treat alike, and its data-plane identity.</summary>
public sealed record AddressBlock(uint First, uint Last, uint Identity);
