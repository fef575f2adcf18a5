using System.Diagnostics;

namespace Palisade.Agent.Tests.Support;

/// <summary>A network namespace of the test's own (<c>ip netns add</c>), deleted on dispose.</summary>
internal sealed class ScratchNamespace : IDisposable
{
    private ScratchNamespace(string name) => Name = name;

    /// <summary>The namespace's name.</summary>
    public string Name { get; }

    /// <summary>Makes a namespace with a unique name.</summary>
    public static ScratchNamespace Create()
    {
        var ns = new ScratchNamespace("plat-" + Guid.NewGuid().ToString("N")[..8]);
        Ip("netns", "add", ns.Name);
        return ns;
    }

    /// <inheritdoc/>
    public void Dispose() => Ip("netns", "delete", Name);

    private static void Ip(params string[] args)
    {
        using var p = Process.Start(new ProcessStartInfo("ip", args) { RedirectStandardError = true }) ?? throw new InvalidOperationException("cannot run ip");
        var error = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"ip {string.Join(' ', args)}: {error}");
    }
}
