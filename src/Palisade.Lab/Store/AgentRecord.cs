namespace Palisade.Lab.Store;

/// <summary>
/// What a node agent last reported: its process, the state generation its node's kernel holds (<see cref="Synced"/>),
/// the last one it tried (<see cref="Attempted"/>) and why that failed when it did, and its counters: syncs, full loads,
/// patches (pods of known classes added or removed, or policies changed, without compiling the node again), nft commands sent.
/// </summary>
public sealed record AgentRecord(
    string Node,
    int Pid,
    long Synced,
    long Attempted,
    string? Error,
    long Syncs,
    long FullLoads,
    long Patches,
    long Commands,
    double LastSyncMs,
    DateTimeOffset Updated);
