using Palisade.Agent.Compilation;
using Palisade.Datapath.Nft;

namespace Palisade.Agent;

/// <summary>A sync computed but not applied: the program, the transaction, whether it is a full load, and the time each step took.</summary>
public sealed record SyncPlan(NodeProgram Program, NftTransaction Transaction, bool Full, TimeSpan Compile, TimeSpan Diff)
{
    /// <summary>For a whole compile: the engine's classes and the identities the program was compiled over (what later policy patches build on).</summary>
    internal (IReadOnlyList<Engine.Resolution.EndpointClass> Classes, AddressIdentities Identities)? CompiledOver { get; init; }
}
