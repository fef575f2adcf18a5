namespace Palisade.Cli;

/// <summary>The CLI's exit codes (documented in docs/cli.md).</summary>
internal static class ExitCodes
{
    /// <summary>Success (for trace: the flow is allowed).</summary>
    public const int Ok = 0;

    /// <summary>Bad command line (unknown option, missing argument).</summary>
    public const int Usage = 1;

    /// <summary>Invalid input: a manifest error, an unknown pod, a bad port.</summary>
    public const int InvalidInput = 2;

    /// <summary>trace: the flow is denied.</summary>
    public const int Denied = 3;

    /// <summary>The lab cannot do what was asked (no such lab or pod, not root, a kernel command failed); the message says why.</summary>
    public const int LabFailure = 4;

    /// <summary>An internal error (a bug): reported without a stack trace unless PALISADE_DEBUG=1.</summary>
    public const int Internal = 70;
}
