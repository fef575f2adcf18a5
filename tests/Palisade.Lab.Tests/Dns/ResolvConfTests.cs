using System.Net;
using Palisade.Lab.Dns;

namespace Palisade.Lab.Tests.Dns;

/// <summary>The resolv.conf kubelet writes, where iproute2 finds it, and its removal.</summary>
public sealed class ResolvConfTests
{
    [Fact]
    public void Render_PodOfDefault_IsWhatKubeletWrites()
    {
        Assert.Equal(
            "search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n",
            ResolvConf.Render("default", IPAddress.Parse("10.96.0.10")));
    }

    [Fact]
    public void Render_OtherClusterDomainWithTrailingDot_SearchesUnderIt()
    {
        Assert.StartsWith("search empire.svc.lab.test svc.lab.test lab.test\n", ResolvConf.Render("empire", IPAddress.Parse("10.96.0.10"), "lab.test."));
    }

    [Fact]
    public void PathFor_Namespace_IsIproute2sPerNamespaceFile()
    {
        Assert.Equal("/etc/netns/plt-pod/resolv.conf", ResolvConf.PathFor("plt-pod"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("..")]
    [InlineData("a/../../etc")]
    public void PathFor_NotOneSegment_IsRefused(string netns)
    {
        Assert.Throws<LabException>(() => ResolvConf.PathFor(netns));
    }

    [Fact]
    [Trait("Requires", "root")]
    public async Task WriteAsyncThenDelete_LeavesNoFileNorDirectoryOfThatNamespace()
    {
        var netns = "plt-" + Guid.NewGuid().ToString("N")[..6] + "-pod";
        try
        {
            await ResolvConf.WriteAsync(netns, "nameserver 10.99.53.2\n");
            Assert.Equal("nameserver 10.99.53.2\n", await File.ReadAllTextAsync(ResolvConf.PathFor(netns)));
            ResolvConf.Delete(netns);
            ResolvConf.Delete(netns);   // a second time: nothing left to remove, no error
            Assert.False(Directory.Exists(Path.Combine(ResolvConf.NetnsEtc, netns)));
            Assert.True(Directory.Exists(ResolvConf.NetnsEtc), "Delete removed /etc/netns itself, which other namespaces share");
        }
        finally
        {
            ResolvConf.Delete(netns);
        }
    }

    [Fact]
    [Trait("Requires", "root")]
    public async Task Delete_DirectoryHoldsAnotherFile_KeepsThatFileAndTheDirectory()
    {
        var netns = "plt-" + Guid.NewGuid().ToString("N")[..6] + "-pod";
        var other = Path.Combine(ResolvConf.NetnsEtc, netns, "hosts");
        try
        {
            await ResolvConf.WriteAsync(netns, "nameserver 10.99.53.2\n");
            await File.WriteAllTextAsync(other, "10.99.53.2 dns\n");
            ResolvConf.Delete(netns);
            Assert.False(File.Exists(ResolvConf.PathFor(netns)));
            Assert.True(File.Exists(other));
        }
        finally
        {
            File.Delete(other);
            ResolvConf.Delete(netns);
        }
    }

}
