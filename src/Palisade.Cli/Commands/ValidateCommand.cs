using System.CommandLine;
using Palisade.Cli.Input;
using Palisade.Cli.Output;

namespace Palisade.Cli.Commands;

/// <summary><c>palisade validate -f ...</c>: errors and warnings only.</summary>
internal static class ValidateCommand
{
    public static Command Create(CliContext context)
    {
        var common = new CommonOptions();
        var command = new Command("validate", "Check manifests as the API server would: every error and warning, with file, line and field.");
        common.AddTo(command, clusterOptions: false);
        command.SetAction(result =>
        {
            var set = ModelLoader.LoadManifests(result.GetValue(common.Files)!, context);
            DiagnosticPrinter.Summary(set.Diagnostics, set.HasErrors ? context.Error : context.Out);
            if (set.HasErrors) return ExitCodes.InvalidInput;
            context.Out.WriteLine($"valid: {Plural.Count(set.NetworkPolicies.Count, "network policy", "network policies")}, {Plural.Count(set.CiliumNetworkPolicies.Count + set.CiliumClusterwideNetworkPolicies.Count, "Cilium policy", "Cilium policies")}, {Plural.Count(set.Pods.Count, "pod")}, {Plural.Count(set.Namespaces.Count, "namespace")}, {Plural.Count(set.Services.Count, "service")}");
            return ExitCodes.Ok;
        });
        return command;
    }

}
