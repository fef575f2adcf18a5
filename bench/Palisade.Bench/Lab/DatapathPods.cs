using System.Net;
using Palisade.Lab;
using Palisade.Lab.State;

namespace Palisade.Bench.Lab;

/// <summary>Where the bench's pods are: the server's address and namespace, and the two clients' namespaces.</summary>
internal sealed record DatapathPods(IPAddress Server, string ServerNetns, string SameNode, string AcrossNodes)
{
    /// <summary>Reads the pods of lab <paramref name="lab"/> from its snapshot.</summary>
    public static DatapathPods Read(string lab)
    {
        var records = LabSnapshot.Read(LabPaths.For(lab)).Records;
        var server = records.First(r => r.Name == "server");
        return new DatapathPods(server.Ip, server.Netns, records.First(r => r.Name == "client-local").Netns, records.First(r => r.Name == "client-remote").Netns);
    }

    /// <summary>The namespace of the client <paramref name="probe"/> runs from.</summary>
    public string ClientOf(DatapathProbe probe) => probe.AcrossNodes ? AcrossNodes : SameNode;
}
