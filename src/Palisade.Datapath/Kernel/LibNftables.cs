using Palisade.Datapath.Nft;

namespace Palisade.Datapath.Kernel;

/// <summary>
/// The kernel's nftables through libnftables, in process: one context on a dedicated thread that lives in the chosen
/// network namespace (the context's netlink socket belongs to the namespace of the thread that made it). A transaction
/// is applied as one <c>nft_run_cmd_from_buffer</c> call, which nft commits as one atomic batch. Thread-safe: calls
/// queue on the dedicated thread and run one at a time.
/// </summary>
public sealed class LibNftables : INftBackend, IDisposable
{
    private readonly NamespaceThread thread;
    private readonly NftContext context;
    private bool disposed;

    /// <summary>Opens libnftables in network namespace <paramref name="networkNamespace"/> (an <c>ip netns</c> name), or in the process's own when null.</summary>
    /// <exception cref="NftException">The namespace cannot be entered, or libnftables cannot be loaded.</exception>
    public LibNftables(string? networkNamespace = null)
    {
        thread = new NamespaceThread(networkNamespace);
        try
        {
            context = thread.RunAsync(() => new NftContext()).GetAwaiter().GetResult();
        }
        catch (NftException)
        {
            thread.Dispose();
            throw;
        }
    }

    /// <summary>The network namespace; null for the process's own.</summary>
    public string? Namespace => thread.Namespace;

    /// <inheritdoc/>
    public Task ApplyAsync(NftTransaction transaction, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return transaction.IsEmpty ? Task.CompletedTask : RunAsync(transaction.Render());
    }

    /// <summary>Runs nft -f text as one transaction and returns nft's output.</summary>
    /// <exception cref="NftException">nft refused it; nothing changed. The message carries nft's error.</exception>
    public Task<string> RunAsync(string commands)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        return thread.RunAsync(() => context.Run(commands, $"nft refused the transaction{Where}; nothing was changed"));
    }

    /// <summary>The table as <c>nft -j list table</c> prints it (<paramref name="json"/>), or as <c>nft list table</c>.</summary>
    /// <exception cref="NftException">The table does not exist.</exception>
    public Task<string> ListRulesetAsync(NftTable table, bool json = true)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        return thread.RunAsync(() => context.Run($"list table {table}", $"cannot list table {table}{Where}", json));
    }

    /// <inheritdoc/>
    public async Task<NftListing> ListAsync(NftTable table, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return NftJsonListing.Parse(table, await ListRulesetAsync(table).ConfigureAwait(false));
    }

    /// <summary>Frees the context and ends the dedicated thread.</summary>
    public void Dispose()
    {
        if (disposed) return;
        disposed = true;
        thread.RunAsync(() =>
        {
            context.Dispose();
            return 0;
        }).GetAwaiter().GetResult();
        thread.Dispose();
    }

    private string Where => Namespace is null ? "" : $" in network namespace {Namespace}";
}
