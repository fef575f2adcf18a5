using Palisade.Cli.Tests.Support;

namespace Palisade.Cli.Tests;

/// <summary>Bad input to the lab verbs: one clear message, the right exit code, nothing made, no stack trace.</summary>
public class LabExitCodeTests
{
    [Theory]
    [InlineData("--nodes", "0", "a lab has 1 to 16 nodes")]
    [InlineData("--name", "Bad_Name", "invalid lab name \"Bad_Name\"")]
    [InlineData("--pod-cidr", "10.0.0.0/28", "--pod-cidr 10.0.0.0/28: use an IPv4 range of /24 or larger")]
    [InlineData("--pod-cidr", "10.96.0.0/16", "overlaps the service CIDR")]
    [InlineData("--external-hosts", "localhost", "\"localhost\" is not a DNS name with a domain")]
    [InlineData("--external-hosts", "a.example=300.1.1.1", "\"300.1.1.1\" is not an IPv4 address")]
    public void LabUp_BadOption_ExitsFourWithOneMessage(string option, string value, string message)
    {
        string[] args = option == "--name" ? ["lab", "up", option, value] : ["lab", "up", "--name", "never-made", option, value];
        var run = CliRun.Invoke(args);
        Assert.Equal(4, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_InvalidManifest_ExitsTwoNamingFileLineAndFieldAndSendsNothing()
    {
        var file = Path.Combine(Path.GetTempPath(), $"palisade-bad-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(file, "apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers:\n  - name: c\n    ports:\n    - containerPort: http\n");
        try
        {
            var run = CliRun.Invoke(["apply", "-f", file, "--lab", "never-made"]);
            Assert.Equal(2, run.ExitCode);
            Assert.Contains($"{file}:9:", run.Error, StringComparison.Ordinal);
            Assert.Contains("nothing was changed in the lab", run.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("localhost", "use HOST:PORT")]
    [InlineData("localhost:0", "use HOST:PORT")]
    [InlineData("localhost:99999", "use HOST:PORT")]
    public void Probe_BadTarget_ExitsFour(string target, string message)
    {
        var run = CliRun.Invoke(["probe", target]);
        Assert.Equal(4, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Probe_BadTimeout_ExitsFour()
    {
        var run = CliRun.Invoke(["probe", "127.0.0.1:1", "--timeout", "soon"]);
        Assert.Equal(4, run.ExitCode);
        Assert.Contains("--timeout soon", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Probe_ClosedLoopbackPort_ExitsOneWithRefused()
    {
        var run = CliRun.Invoke(["probe", "127.0.0.1:1", "--timeout", "2s"]);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("REFUSED", run.Error, StringComparison.Ordinal);
    }
}
