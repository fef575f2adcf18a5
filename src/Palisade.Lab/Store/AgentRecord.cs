namespace Palisade.Lab.Store;

/// <summary>
/// What a node agent last reported: its process, the state generation its node's kernel holds (<see cref="Synced"/>),
/// the last one it tried (<see cref="Attempted"/>) and why that failed when it did, and its counters.
/// </summary>
public sealed record AgentRecord(
    string Node,
    int Pid,
    long Synced,
    long Attempted,
    string? Error,
    long Syncs,
    long FullLoads,
    long Commands,
    double LastSyncMs,
    DateTimeOffset Updated);
