using Palisade.Policy.Diagnostics;
using Palisade.Policy.Loading;

namespace Palisade.Policy.Tests.Loading;

public class ReplicaLimitTests
{
    [Fact]
    public void HugeReplicaCount_IsOneClearErrorNotAnOutOfMemory()
    {
        var set = ManifestLoader.LoadText("""
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              replicas: 1000000000
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec: {containers: [{name: c, image: i}]}
            """, "huge.yaml");
        var error = Assert.Single(set.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal("spec.replicas", error.FieldPath);
        Assert.Equal(5, error.Location.Line);
        Assert.Empty(set.Pods);
    }
}
