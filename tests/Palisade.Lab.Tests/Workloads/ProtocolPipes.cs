using System.IO.Pipes;

namespace Palisade.Lab.Tests.Workloads;

/// <summary>
/// The standard input and output of a workload host process, as in-process pipes: the test writes command lines and
/// reads event lines; the protocol gets <see cref="Commands"/> and <see cref="Events"/>.
/// </summary>
internal sealed class ProtocolPipes : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly AnonymousPipeServerStream commandsOut = new(PipeDirection.Out);
    private readonly AnonymousPipeServerStream eventsIn = new(PipeDirection.In);
    private readonly StreamWriter commandWriter;
    private readonly StreamReader eventReader;

    public ProtocolPipes()
    {
        Commands = new StreamReader(new AnonymousPipeClientStream(PipeDirection.In, commandsOut.ClientSafePipeHandle));
        Events = new StreamWriter(new AnonymousPipeClientStream(PipeDirection.Out, eventsIn.ClientSafePipeHandle));
        commandWriter = new StreamWriter(commandsOut) { AutoFlush = true };
        eventReader = new StreamReader(eventsIn);
    }

    /// <summary>The protocol's input.</summary>
    public TextReader Commands { get; }

    /// <summary>The protocol's output.</summary>
    public TextWriter Events { get; }

    /// <summary>Writes one command line.</summary>
    public Task SendAsync(string line) => commandWriter.WriteLineAsync(line);

    /// <summary>Reads the next event line.</summary>
    public async Task<string?> NextEventAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        return await eventReader.ReadLineAsync(timeout.Token);
    }

    /// <summary>Closes the protocol's input, as when the process's standard input closes.</summary>
    public void CloseCommands() => commandWriter.Dispose();

    /// <inheritdoc/>
    public void Dispose()
    {
        commandWriter.Dispose();
        eventReader.Dispose();
        Commands.Dispose();
        Events.Dispose();
    }
}
