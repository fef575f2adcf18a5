using System.CommandLine;

namespace Palisade.Cli.Commands.Lab;

/// <summary>The option that names the lab a command works on.</summary>
internal static class LabOptions
{
    public static Option<string?> Lab() => new("--lab")
    {
        Description = "The lab to use (default: $PALISADE_LAB, else the only lab on this machine, else \"palisade\").",
    };

    public static Option<string?> Namespace() => new("--namespace", "-n") { Description = "The namespace (default: default)." };
}
