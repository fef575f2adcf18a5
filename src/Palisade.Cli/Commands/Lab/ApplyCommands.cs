using System.CommandLine;
using Palisade.Lab;
using Palisade.Lab.Api;
using System.Text.Json.Nodes;
using Palisade.Policy.Loading;
using Palisade.Policy.Validation;

namespace Palisade.Cli.Commands.Lab;

/// <summary><c>palisade apply -f</c> and <c>palisade delete -f | KIND NAME</c> on a running lab, as kubectl does.</summary>
internal static class ApplyCommands
{
    private static readonly Dictionary<string, (string ApiVersion, string Kind, bool Namespaced)> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["pod"] = ("v1", "Pod", true), ["pods"] = ("v1", "Pod", true), ["po"] = ("v1", "Pod", true),
        ["deployment"] = ("apps/v1", "Deployment", true), ["deployments"] = ("apps/v1", "Deployment", true), ["deploy"] = ("apps/v1", "Deployment", true),
        ["service"] = ("v1", "Service", true), ["services"] = ("v1", "Service", true), ["svc"] = ("v1", "Service", true),
        ["namespace"] = ("v1", "Namespace", false), ["namespaces"] = ("v1", "Namespace", false), ["ns"] = ("v1", "Namespace", false),
        ["networkpolicy"] = ("networking.k8s.io/v1", "NetworkPolicy", true), ["networkpolicies"] = ("networking.k8s.io/v1", "NetworkPolicy", true), ["netpol"] = ("networking.k8s.io/v1", "NetworkPolicy", true),
        ["ciliumnetworkpolicy"] = ("cilium.io/v2", "CiliumNetworkPolicy", true), ["ciliumnetworkpolicies"] = ("cilium.io/v2", "CiliumNetworkPolicy", true), ["cnp"] = ("cilium.io/v2", "CiliumNetworkPolicy", true),
        ["ciliumclusterwidenetworkpolicy"] = ("cilium.io/v2", "CiliumClusterwideNetworkPolicy", false), ["ccnp"] = ("cilium.io/v2", "CiliumClusterwideNetworkPolicy", false),
    };

    public static Command Apply(CliContext context)
    {
        var files = Files();
        var lab = LabOptions.Lab();
        var ns = LabOptions.Namespace();
        var audit = new Option<bool>("--audit") { Description = $"Apply the policies in audit (dry-run) mode: they drop nothing and report what they would drop as AUDIT (sets the annotation {PolicyModeAnnotation.Key}: audit)." };
        var command = new Command("apply", "Apply manifests to a running lab (pods appear, labels change, policies are stored).") { files, lab, ns, audit };
        command.SetAction((result, ct) =>
        {
            var objects = LabInput.Read(result.GetValue(files)!, result.GetValue(ns), context);
            if (objects is not null && result.GetValue(audit)) objects = [.. objects.Select(InAudit)];
            return SendAsync(context, result.GetValue(lab), objects, LabManager.ApplyAsync, ct);
        });
        return command;
    }

    public static Command Delete(CliContext context)
    {
        var files = Files();
        files.Required = false;
        var lab = LabOptions.Lab();
        var ns = LabOptions.Namespace();
        var kind = new Argument<string?>("kind") { Description = "A kind (pod, deployment, service, netpol, cnp, ccnp, ns) when not using -f.", Arity = ArgumentArity.ZeroOrOne };
        var names = new Argument<string[]>("names") { Description = "Names of that kind.", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("delete", "Delete objects from a running lab, by file (-f) or by kind and name.") { files, lab, ns, kind, names };
        command.SetAction((result, ct) =>
        {
            var paths = result.GetValue(files) ?? [];
            var objects = paths.Length > 0 ? LabInput.Read(paths, result.GetValue(ns), context) : ByName(result.GetValue(kind), result.GetValue(names) ?? [], result.GetValue(ns));
            return SendAsync(context, result.GetValue(lab), objects, LabManager.DeleteAsync, ct);
        });
        return command;
    }

    /// <summary>A policy with the audit annotation set (other objects as they are).</summary>
    private static ManifestObject InAudit(ManifestObject o)
    {
        if (o.Kind is not ("NetworkPolicy" or "CiliumNetworkPolicy" or "CiliumClusterwideNetworkPolicy")) return o;
        var json = (JsonObject)o.Json.DeepClone();
        var metadata = json["metadata"] as JsonObject ?? [];
        json["metadata"] = metadata;
        var annotations = metadata["annotations"] as JsonObject ?? [];
        metadata["annotations"] = annotations;
        annotations[PolicyModeAnnotation.Key] = PolicyModeAnnotation.Audit;
        return o with { Json = json };
    }

    private static Option<string[]> Files() => new("--file", "-f")
    {
        Description = "Manifest files or directories; - reads standard input. Repeatable.",
        Required = true,
        AllowMultipleArgumentsPerToken = true,
    };

    private static List<ManifestObject> ByName(string? kind, string[] names, string? ns)
    {
        if (kind is null || names.Length == 0) throw new LabException("say what to delete: -f FILE, or a kind and names (e.g. delete cnp rule1)");
        if (!Kinds.TryGetValue(kind, out var k)) throw new LabException($"unknown kind \"{kind}\": use one of {string.Join(", ", Kinds.Keys.Where(x => x.Length > 3 && !x.EndsWith('s')))}");
        return [.. names.Select(n => new ManifestObject(k.ApiVersion, k.Kind, k.Namespaced ? ns ?? "default" : null, n, []))];
    }

    private static async Task<int> SendAsync(CliContext context, string? lab, IReadOnlyList<ManifestObject>? objects,
        Func<string, IReadOnlyList<ManifestObject>, Action<ApiMessage>, CancellationToken, Task<ApiMessage>> send, CancellationToken ct)
    {
        if (objects is null) return ExitCodes.InvalidInput;
        var printer = new ProgressPrinter(context);
        var result = await send(LabManager.Resolve(lab), objects, printer.Show, ct).ConfigureAwait(false);
        printer.EndLine();
        if (result.Ok) return ExitCodes.Ok;
        context.Error.WriteLine($"error: {result.Text}");
        return ExitCodes.InvalidInput;
    }
}
