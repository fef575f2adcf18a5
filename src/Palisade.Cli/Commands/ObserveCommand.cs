using System.CommandLine;
using System.CommandLine.Parsing;
using System.Security.Cryptography.X509Certificates;
using Grpc.Core;
using Palisade.Cli.Commands.Lab;
using Palisade.Lab;
using Palisade.Observe.Api;
using Palisade.Observe.Flows;
using Palisade.Policy.Errors;

namespace Palisade.Cli.Commands;

/// <summary>
/// <c>palisade observe</c>, with <c>hubble observe</c>'s habits: flows from the lab's relay (every node), or from any
/// Observer server, filtered (OR within a flag, AND across flags, <c>--not</c> negating the next filter flag), printed
/// compact, as a table, as JSON like Hubble's, or as a dict. Filter flags keep their command-line order.
/// </summary>
internal static class ObserveCommand
{
    private static readonly string[] Switches = ["--follow", "-f", "--not", "--all", "--ipv4", "--ipv6"];

    private static readonly (string Name, string? Alias, string Help)[] Filters =
    [
        ("--pod", null, "Flows from or to this pod (namespace/name or name prefix)."), ("--from-pod", null, "Flows from this pod."), ("--to-pod", null, "Flows to this pod."),
        ("--namespace", "-n", "Flows from or to pods of this namespace."), ("--from-namespace", null, "Flows from this namespace."), ("--to-namespace", null, "Flows to this namespace."),
        ("--label", "-l", "Flows from or to endpoints with these labels (a selector: app=web,tier!=db)."), ("--from-label", null, "Flows from endpoints with these labels."), ("--to-label", null, "Flows to endpoints with these labels."),
        ("--ip", null, "Flows from or to this IP or CIDR."), ("--from-ip", null, "Flows from this IP or CIDR."), ("--to-ip", null, "Flows to this IP or CIDR."),
        ("--identity", null, "Flows from or to this identity (a number or a reserved name)."), ("--from-identity", null, "Flows from this identity."), ("--to-identity", null, "Flows to this identity."),
        ("--port", null, "Flows from or to this port."), ("--from-port", null, "Flows from this port."), ("--to-port", null, "Flows to this port."),
        ("--workload", null, "Flows from or to this workload (kind/name or name)."), ("--from-workload", null, "Flows from this workload."), ("--to-workload", null, "Flows to this workload."),
        ("--protocol", null, "tcp, udp, sctp, icmp, icmpv4 or icmpv6."), ("--verdict", null, "FORWARDED, DROPPED, AUDIT, REDIRECTED, ERROR..."),
        ("--drop-reason", null, "POLICY_DENIED (default deny), POLICY_DENY (a deny rule)..."), ("--type", "-t", "drop, policy-verdict, trace, l7 (optionally type:subtype)."),
        ("--traffic-direction", null, "ingress or egress."), ("--node-name", null, "Flows seen on this node."), ("--policy", null, "Flows decided by this policy (name, namespace/name, or Kind:namespace/name)."),
        ("--uuid", null, "The flow with this id."), ("--ip-version", null, "4 or 6."),
    ];

    public static Command Create(CliContext context)
    {
        var command = new Command("observe", "Show flows with their verdicts and the rules that decided them (hubble observe's flags).");
        var last = new Option<ulong?>("--last") { Description = "The last N flows (default 20)." };
        var first = new Option<ulong?>("--first") { Description = "The first N flows still kept." };
        var all = new Option<bool>("--all") { Description = "Every flow still kept." };
        var follow = new Option<bool>("--follow", "-f") { Description = "Keep printing flows as they come." };
        var since = new Option<string?>("--since") { Description = "Flows since a time (RFC 3339) or a duration ago (5m, 1h)." };
        var until = new Option<string?>("--until") { Description = "Flows until a time or a duration ago." };
        var not = new Option<bool>("--not") { Description = "Negate the next filter flag." };
        var ipv4 = new Option<bool>("--ipv4") { Description = "IPv4 flows only." };
        var ipv6 = new Option<bool>("--ipv6") { Description = "IPv6 flows only." };
        var output = new Option<string>("--output", "-o") { Description = "compact, table, json, jsonpb or dict.", DefaultValueFactory = _ => "compact" };
        output.AcceptOnlyFromAmong([.. ObserveOutputs.Names]);
        var printNode = new Option<bool>("--print-node-name") { Description = "Print the node each flow was seen on (compact)." };
        var server = new Option<string?>("--server") { Description = "An Observer server: a Unix socket path, or https://HOST:PORT with --tls-* (default: the lab's relay)." };
        var clientCert = new Option<string?>("--tls-client-cert-file") { Description = "PEM client certificate for an https server." };
        var clientKey = new Option<string?>("--tls-client-key-file") { Description = "PEM key of the client certificate." };
        var caCert = new Option<string?>("--tls-ca-cert-file") { Description = "PEM CA certificate the server's certificate must chain to." };
        var lab = LabOptions.Lab();
        foreach (var option in new Option[] { last, first, all, follow, since, until, not, ipv4, ipv6, output, printNode, server, clientCert, clientKey, caCert, lab }) command.Options.Add(option);
        foreach (var (name, alias, help) in Filters)
        {
            var option = alias is null ? new Option<string[]>(name) : new Option<string[]>(name, alias);
            option.Description = help;
            command.Options.Add(option);
        }
        command.SetAction(async (result, ct) =>
        {
            var request = Build(result);
            using var client = Connect(result.GetValue(server), result.GetValue(lab), result.GetValue(clientCert), result.GetValue(clientKey), result.GetValue(caCert));
            var formatter = new FlowFormatter(context.Out, ObserveOutputs.Parse(result.GetValue(output)!), context.Error) { ShowNodeName = result.GetValue(printNode) };
            return await StreamAsync(client, request, formatter, ct).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>The request from the flags in command-line order (what makes <c>--not</c> apply to the flag after it).</summary>
    private static GetFlowsRequest Build(ParseResult result)
    {
        var flags = new List<(string, string?)>();
        var names = Filters.SelectMany(f => new[] { f.Name, f.Alias }).OfType<string>().Concat(["--last", "--first", "--since", "--until"]).ToHashSet(StringComparer.Ordinal);
        string? taking = null;   // a filter flag takes every value up to the next flag: --pod a b is --pod a --pod b
        foreach (var token in result.Tokens)
        {
            if (token.Type == TokenType.Option)
            {
                taking = names.Contains(token.Value) ? token.Value : null;
                if (Switches.Contains(token.Value)) flags.Add((token.Value, null));
            }
            else if (token.Type == TokenType.Argument && taking is not null)
            {
                flags.Add((taking, token.Value));
            }
        }
        try
        {
            return ObserveRequestBuilder.Build(flags, DateTimeOffset.UtcNow);
        }
        catch (ObserveFlagException e)
        {
            throw new InputException(e.Message);
        }
    }

    private static ObserverClient Connect(string? server, string? lab, string? cert, string? key, string? ca)
    {
        if (server is null) return ObserverClient.ForUnixSocket(RelaySocket(lab));
        if (!server.StartsWith("https://", StringComparison.OrdinalIgnoreCase)) return ObserverClient.ForUnixSocket(server);
        if (cert is null || key is null || ca is null)
        {
            throw new InputException($"--server {server}: a TCP server requires TLS with a client certificate; give --tls-client-cert-file, --tls-client-key-file and --tls-ca-cert-file");
        }
        try
        {
            return ObserverClient.ForTls(new Uri(server), X509Certificate2.CreateFromPemFile(cert, key), X509CertificateLoader.LoadCertificateFromFile(ca));
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or IOException)
        {
            throw new LabException($"--tls-*: cannot read the certificate files ({e.Message})");
        }
    }

    private static string RelaySocket(string? lab)
    {
        var paths = LabPaths.For(LabManager.Resolve(lab));
        if (!File.Exists(paths.Relay)) throw new LabException($"lab {paths.Name} has no relay at {paths.Relay}: is it up? (`palisade lab status`)");
        return paths.Relay;
    }

    private static async Task<int> StreamAsync(ObserverClient client, GetFlowsRequest request, FlowFormatter formatter, CancellationToken ct)
    {
        try
        {
            await foreach (var response in client.GetFlowsAsync(request, ct).ConfigureAwait(false))
            {
                formatter.Write(response);
                if (request.Follow) formatter.Flush();
            }
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Cancelled && ct.IsCancellationRequested)
        {
        }
        catch (RpcException e)
        {
            throw new LabException($"the Observer server at {client.Address} answered {e.StatusCode}: {e.Status.Detail}");
        }
        finally
        {
            formatter.Flush();
        }
        return ExitCodes.Ok;
    }
}
