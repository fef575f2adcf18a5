using Palisade.Lab.Api;
using Palisade.Lab.Controller;
using Palisade.Lab.System;
using Palisade.Lab.Topology;
using Palisade.Policy.Loading;

namespace Palisade.Lab.Tests.Support;

/// <summary>
/// A lab a test brings up under its own name (<c>t</c> + 8 hex) in a private state root, and takes down in
/// <see cref="DisposeAsync"/>. The CLI (<c>palisade.dll</c>, next to the tests) runs the controller and workloads.
/// </summary>
public sealed class LabFixture : IAsyncDisposable
{
    static LabFixture()
    {
        var root = Path.Combine(Path.GetTempPath(), "palisade-lab-tests");
        Directory.CreateDirectory(root);
        Environment.SetEnvironmentVariable("PALISADE_LAB_ROOT", root);
    }

    private LabFixture(string name) => Name = name;

    /// <summary>The lab's name.</summary>
    public string Name { get; }

    /// <summary>The lab's paths.</summary>
    public LabPaths Paths => LabPaths.For(Name);

    /// <summary>The messages the controller sent while bringing the lab up.</summary>
    public List<ApiMessage> Messages { get; } = [];

    /// <summary>A fresh lab name (no lab is made).</summary>
    public static string NewName() => "t" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>Brings a lab up with the manifests in <paramref name="yaml"/> (and the repository files in <paramref name="files"/>).</summary>
    public static Task<LabFixture> UpAsync(string yaml = "", LabConfig? config = null, params string[] files) => UpNamedAsync(NewName(), yaml, config, files);

    /// <summary>Brings lab <paramref name="name"/> up (cleaning what an earlier run left) with the manifests given.</summary>
    public static async Task<LabFixture> UpNamedAsync(string name, string yaml = "", LabConfig? config = null, params string[] files)
    {
        var lab = new LabFixture(name);
        var inputs = files.Select(f => new ManifestInput(f, File.ReadAllText(f))).Append(new ManifestInput("<test>", yaml)).ToList();
        var set = ManifestLoader.Load(inputs);
        Assert.False(set.HasErrors, string.Join("\n", set.Diagnostics));
        await LabManager.UpAsync(lab.Name, config ?? new LabConfig(), ManifestObjects.Split(inputs), m => { lock (lab.Messages) lab.Messages.Add(m); });
        return lab;
    }

    /// <summary>Runs the palisade CLI with <paramref name="args"/> (as a process, like a user) for this lab.</summary>
    public Task<ProcessResult> CliAsync(params string[] args) => Cli(["--lab", Name], args, null);

    /// <summary>Runs the palisade CLI with <paramref name="args"/> exactly as given (no --lab added).</summary>
    public Task<ProcessResult> Cli(params string[] args) => Cli([], args, null);

    /// <summary>Runs the palisade CLI for this lab with <paramref name="input"/> on its standard input.</summary>
    public Task<ProcessResult> CliWithInputAsync(string input, params string[] args) => Cli(["--lab", Name], args, input);

    /// <summary>Runs the palisade CLI with <paramref name="args"/> as a process.</summary>
    public static Task<ProcessResult> Cli(IEnumerable<string> labOption, string[] args, string? input)
    {
        var (file, prefix) = SelfCommand.Resolve();
        // "--lab NAME" goes after the verb words: find where options start (the first arg starting with '-') or the end.
        var split = Array.FindIndex(args, a => a.StartsWith('-'));
        var head = split < 0 ? args : args[..split];
        var tail = split < 0 ? [] : args[split..];
        return ProcessRunner.RunAsync(file, [.. prefix, .. head, .. labOption, .. tail], input);
    }

    /// <summary>Runs <paramref name="command"/> in pod <paramref name="pod"/> through <c>palisade exec</c>.</summary>
    public Task<ProcessResult> ExecAsync(string pod, params string[] command) => ExecInAsync("default", pod, command);

    /// <summary>Runs <paramref name="command"/> in pod <paramref name="ns"/>/<paramref name="pod"/> through <c>palisade exec</c>.</summary>
    public Task<ProcessResult> ExecInAsync(string ns, string pod, params string[] command) =>
        CliAsync(["exec", "-n", ns, pod, "--", .. command]);

    /// <summary>The namespace of pod <paramref name="name"/> (in namespace default unless given as ns/name).</summary>
    public string PodNetns(string name)
    {
        var parts = name.Split('/', 2);
        return Palisade.Lab.State.LabSnapshot.Read(Paths).Pod(parts.Length == 2 ? parts[0] : "default", parts[^1]).Netns;
    }

    /// <summary>The address of pod <paramref name="name"/>.</summary>
    public global::System.Net.IPAddress PodIp(string name)
    {
        var parts = name.Split('/', 2);
        return Palisade.Lab.State.LabSnapshot.Read(Paths).Pod(parts.Length == 2 ? parts[0] : "default", parts[^1]).Ip;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync() => await LabManager.DownAsync(Name, _ => { });
}
