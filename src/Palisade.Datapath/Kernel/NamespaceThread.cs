using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using Palisade.Datapath.Nft;

namespace Palisade.Datapath.Kernel;

/// <summary>
/// A dedicated thread that enters a named network namespace (<c>/var/run/netns/NAME</c>, as <c>ip netns</c> makes
/// them) with <c>setns(2)</c> once, or stays in the process's namespace when the name is null, and then runs the work
/// given to it one item at a time, in order. Netlink sockets and processes started from it live in that namespace.
/// </summary>
internal sealed class NamespaceThread : IDisposable
{
    private const int CloneNewNet = 0x40000000;
    private readonly BlockingCollection<Action> work = [];
    private readonly Thread thread;

    /// <summary>Starts the thread and waits until it is inside the namespace.</summary>
    /// <exception cref="NftException">The namespace does not exist or cannot be entered (not root).</exception>
    public NamespaceThread(string? networkNamespace)
    {
        Namespace = networkNamespace;
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        thread = new Thread(() => Loop(entered)) { IsBackground = true, Name = "nft " + (networkNamespace ?? "host") };
        thread.Start();
        try
        {
            entered.Task.GetAwaiter().GetResult();
        }
        catch (NftException)
        {
            work.Dispose();
            throw;
        }
    }

    /// <summary>The namespace's name; null for the process's own.</summary>
    public string? Namespace { get; }

    /// <summary>Runs <paramref name="action"/> on the thread; the task ends with its result or exception.</summary>
    public Task<T> RunAsync<T>(Func<T> action)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        work.Add(() =>
        {
            try
            {
                done.SetResult(action());
            }
            catch (Exception e)
            {
                done.SetException(e);
            }
        });
        return done.Task;
    }

    /// <summary>Lets queued work finish, then ends the thread (call it from another thread).</summary>
    public void Dispose()
    {
        work.CompleteAdding();
        thread.Join();
        work.Dispose();
    }

    private void Loop(TaskCompletionSource entered)
    {
        try
        {
            if (Namespace is not null) Enter(Namespace);
            entered.SetResult();
        }
        catch (NftException e)
        {
            entered.SetException(e);
            return;
        }
        foreach (var item in work.GetConsumingEnumerable()) item();
    }

    private static void Enter(string name)
    {
        if (NetnsSwitch.Enter(name) is { } error) throw new NftException(error);
    }
}
