using System.CommandLine;
using Palisade.Engine.Cluster;
using Palisade.Policy.Errors;
using Palisade.Policy.Net;

namespace Palisade.Cli.Commands;

/// <summary>Options shared by the commands that read manifests.</summary>
internal sealed class CommonOptions
{
    public Option<string[]> Files { get; } = new("--file", "-f")
    {
        Description = "Manifest files or directories (recursive: *.yaml, *.yml, *.json); - reads standard input. Repeatable.",
        Required = true,
        AllowMultipleArgumentsPerToken = true,
        Arity = ArgumentArity.OneOrMore,
    };

    public Option<string> PodCidr { get; } = new("--pod-cidr")
    {
        Description = "Range for pods without status.podIP, assigned in namespace/name order.",
        DefaultValueFactory = _ => "10.244.0.0/16",
    };

    public Option<string> HostNetwork { get; } = new("--host-network")
    {
        Description = "hostNetwork pods: exempt (not subject to pod policy, as in Calico, Cilium and AWS) or enforced.",
        DefaultValueFactory = _ => "exempt",
    };

    public Option<string[]> DnsCache { get; } = new("--dns-cache")
    {
        Description = "DNS names learned so far (name address [ttl=S] per line, or `cilium fqdn cache list -o json`); toFQDNs peers resolve through them. Repeatable.",
    };

    public Option<string[]> SecurityGroups { get; } = new("--sg-inventory")
    {
        Description = "AWS security groups and their member addresses (`aws ec2 describe-network-interfaces` JSON or docs/inventory.md format) for toGroups/fromGroups. Repeatable.",
    };

    public CommonOptions()
    {
        HostNetwork.AcceptOnlyFromAmong("exempt", "enforced");
        // -f takes several values per token; without this, a mistyped option after it would be read as a file name.
        Files.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(t => t.Value.Length > 1 && t.Value.StartsWith('-')))
            {
                result.AddError($"Unrecognized option '{token.Value}' (a file whose name starts with '-' can be given as ./{token.Value}).");
            }
        });
    }

    public void AddTo(Command command, bool clusterOptions = true)
    {
        command.Options.Add(Files);
        if (!clusterOptions) return;
        command.Options.Add(PodCidr);
        command.Options.Add(HostNetwork);
        command.Options.Add(DnsCache);
        command.Options.Add(SecurityGroups);
    }

    public ClusterOptions ClusterOptions(ParseResult result)
    {
        var text = result.GetValue(PodCidr)!;
        if (!Cidr.TryParse(text, out var cidr, out _)) throw new InputException($"--pod-cidr \"{text}\" is not a CIDR; write e.g. 10.244.0.0/16");
        return new ClusterOptions
        {
            PodCidr = cidr,
            HostNetwork = result.GetValue(HostNetwork) == "enforced" ? HostNetworkMode.Enforced : HostNetworkMode.Exempt,
        };
    }
}
