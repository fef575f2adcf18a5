namespace Palisade.Agent;

/// <summary>One sync: whether it was a full load, how many nft commands it sent (0: nothing changed), and the time of each step.</summary>
public sealed record SyncResult(bool Full, int Commands, TimeSpan Compile, TimeSpan Diff, TimeSpan Apply)
{
    /// <summary>True when nothing was sent to the kernel.</summary>
    public bool NothingSent => Commands == 0;
}
