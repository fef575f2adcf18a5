using Palisade.Cli.Tests.Support;

namespace Palisade.Cli.Tests;

public class ExitCodeTests
{
    private static readonly string RedBlue = Repo.Path("examples", "red-blue");

    [Fact]
    public void Trace_AllowedFlow_ExitsZero() =>
        Assert.Equal(0, CliRun.Invoke(["trace", "-f", RedBlue, "--from", "miztiik-automation-ns/k-shop-blue", "--to", "miztiik-automation-ns/k-shop-red", "--port", "80/TCP"]).ExitCode);

    [Fact]
    public void Trace_DeniedFlow_ExitsThree() =>
        Assert.Equal(3, CliRun.Invoke(["trace", "-f", RedBlue, "--from", "miztiik-automation-ns/k-shop-red", "--to", "miztiik-automation-ns/k-shop-blue", "--port", "80/TCP"]).ExitCode);

    [Fact]
    public void Trace_UnknownPod_ExitsTwoWithOneMessage()
    {
        var run = CliRun.Invoke(["trace", "-f", RedBlue, "--from", "nowhere/x", "--to", "miztiik-automation-ns/k-shop-red", "--port", "80"]);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: --from nowhere/x: no such pod or workload; give NAMESPACE/POD or NAMESPACE/WORKLOAD (see `palisade analyze`) or an IP address", run.Error.Trim());
    }

    [Theory]
    [InlineData("80/ICMP")]
    [InlineData("0/TCP")]
    [InlineData("http")]
    [InlineData("80/TCP/x")]
    public void Analyze_BadProbe_ExitsTwoWithoutStackTrace(string probe)
    {
        var run = CliRun.Invoke(["analyze", "-f", RedBlue, "--probe", probe]);
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: ", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--header", "bad")]
    [InlineData("--header", "  :x")]
    [InlineData("--port", "300/ICMP")]
    [InlineData("--dns-cache", "/no/such/file")]
    [InlineData("--sg-inventory", "/no/such/file")]
    public void Trace_BadL7OrOutsideInput_ExitsTwoWithOneMessage(string option, string value)
    {
        string[] args = ["trace", "-f", RedBlue, "--from", "miztiik-automation-ns/k-shop-blue", "--to", "miztiik-automation-ns/k-shop-red", "--http", "GET", "/"];
        string[] port = option == "--port" ? [] : ["--port", "80/TCP"];
        var run = CliRun.Invoke([.. args, .. port, option, value]);
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: ", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Trim().Split('\n'));
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_BadPodCidr_ExitsTwo() =>
        Assert.Equal(2, CliRun.Invoke(["analyze", "-f", RedBlue, "--pod-cidr", "10.0.0.0/99"]).ExitCode);

    [Fact]
    public void Analyze_PodCidrTooSmall_ExitsTwoWithHint()
    {
        var run = CliRun.Invoke(["analyze", "-f", RedBlue, "--pod-cidr", "10.0.0.0/31"]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("exhausted", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingFile_ExitsTwoNamingThePath()
    {
        var run = CliRun.Invoke(["validate", "-f", "/no/such/file.yaml"]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("/no/such/file.yaml: error: no such file or directory", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownOption_ExitsOne() => Assert.Equal(1, CliRun.Invoke(["analyze", "-f", RedBlue, "--nope"]).ExitCode);

    [Fact]
    public void MissingRequiredOption_ExitsOne() => Assert.Equal(1, CliRun.Invoke(["analyze"]).ExitCode);

    [Fact]
    public void Stdin_IsReadForDash()
    {
        var yaml = File.ReadAllText(Path.Combine(RedBlue, "pods.yaml")) + "\n---\n" + File.ReadAllText(Path.Combine(RedBlue, "deny-blue-ingress.yaml"));
        var run = CliRun.Invoke(["analyze", "-f", "-", "--probe", "80/TCP", "-o", "csv"], yaml);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("80/TCP,miztiik-automation-ns/k-shop-red,miztiik-automation-ns/k-shop-blue,false", run.Out, StringComparison.Ordinal);
        Assert.Contains("80/TCP,miztiik-automation-ns/k-shop-blue,miztiik-automation-ns/k-shop-red,true", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_InvalidInput_ExitsTwoAndNamesFileLineAndField()
    {
        var run = CliRun.Invoke(["validate", "-f", "-"], "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p}\nspec:\n  podSelector: {}\n  policyTypes: [Sideways]\n");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("<stdin>:6:17: error: spec.policyTypes[0]: unsupported policyType \"Sideways\"", run.Error, StringComparison.Ordinal);
    }
}
