using System.Text.RegularExpressions;
using Palisade.Policy.Diagnostics;
using Palisade.Policy.Loading;
using Palisade.Policy.Tests.Support;

namespace Palisade.Policy.Tests.Loading;

/// <summary>Workloads become the pods Kubernetes would run, named and labelled as its controllers do.</summary>
public partial class WorkloadExpansionTests
{
    /// <summary>k8s.io/apimachinery/pkg/util/rand's alphabet: no vowels, no 0, 1 or 3.</summary>
    private const string Alphabet = "[bcdfghjklmnpqrstvwxz2456789]";

    [GeneratedRegex($"^api-(?<hash>{Alphabet}+)-{Alphabet}{{5}}$")]
    private static partial Regex DeploymentPodName();

    [GeneratedRegex($"^(rs|rc|job)-{Alphabet}{{5}}$")]
    private static partial Regex ControllerPodName();

    [GeneratedRegex($"^backup-[0-9]+-{Alphabet}{{5}}$")]
    private static partial Regex CronJobPodName();

    [Fact]
    public void Deployment_MakesOnePodPerReplica_WithHashAndSuffix()
    {
        var set = Manifests.Load("""
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: api, namespace: shop}
            spec:
              replicas: 3
              selector: {matchLabels: {app: api}}
              template:
                metadata: {labels: {app: api, tier: backend}}
                spec: {containers: [{name: api, image: api}]}
            """);

        set.AssertClean();
        Assert.Equal(3, set.Pods.Count);
        Assert.Equal(3, set.Pods.Select(p => p.Name).Distinct().Count());
        var hashes = set.Pods.Select(p =>
        {
            var match = DeploymentPodName().Match(p.Name);
            Assert.True(match.Success, p.Name);
            Assert.Equal(match.Groups["hash"].Value, p.Pod.Metadata.Labels["pod-template-hash"]);
            Assert.Equal("api", p.Pod.Metadata.Labels["app"]);
            Assert.Equal("backend", p.Pod.Metadata.Labels["tier"]);
            Assert.Equal("shop", p.Namespace);
            Assert.Equal(new WorkloadRef("Deployment", "api"), p.Workload);
            return match.Groups["hash"].Value;
        });
        Assert.Single(hashes.Distinct());
    }

    [Fact]
    public void Deployment_HashFollowsTheTemplate_AndNamesAreStable()
    {
        static IReadOnlyList<string> Names(string image) => [.. Manifests.Load($"""
            apiVersion: apps/v1
            kind: Deployment
            metadata: {"{name: api}"}
            spec:
              template:
                metadata: {"{labels: {app: api}}"}
                spec: {"{containers: [{name: api, image: " + image + "}]}"}
            """).Pods.Select(p => p.Pod.Metadata.Labels["pod-template-hash"] + " " + p.Name)];

        Assert.Equal(Names("api:1"), Names("api:1"));
        Assert.NotEqual(Names("api:1")[0].Split(' ')[0], Names("api:2")[0].Split(' ')[0]);
    }

    [Theory]
    [InlineData("", 1)]
    [InlineData("replicas: 0", 0)]
    [InlineData("replicas: 5", 5)]
    public void Deployment_ReplicaCount_DefaultsToOne(string replicas, int pods)
    {
        var set = Manifests.Load($"""
            apiVersion: apps/v1
            kind: Deployment
            metadata: {"{name: api}"}
            spec:
              {replicas}
              template: {"{metadata: {labels: {app: api}}}"}
            """);

        Assert.Equal(pods, set.Pods.Count);
    }

    [Fact]
    public void Deployment_SuffixCollision_IsRetried_SoNoPodIsLost()
    {
        // Find the first replica whose five-character suffix repeats an earlier one (the birthday bound: a few thousand).
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var replicas = 1;
        while (seen.Add(KubernetesNaming.Suffix($"shop/api/{replicas - 1}"))) replicas++;
        Assert.InRange(replicas, 2, 50_000);

        var set = Manifests.Load($$"""
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: api, namespace: shop}
            spec:
              replicas: {{replicas}}
              template:
                metadata:
                  labels: {app: api}
            """);

        set.AssertClean();
        Assert.Equal(replicas, set.Pods.Count);
        Assert.Equal(replicas, set.Pods.Select(p => p.Name).Distinct().Count());
    }

    [Fact]
    public void StatefulSet_PodsAreNumberedWithThePodNameLabel()
    {
        var set = Manifests.Load("""
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: db, namespace: shop}
            spec:
              replicas: 3
              serviceName: db
              template: {metadata: {labels: {app: db}}}
            """);

        Assert.Equal(["db-0", "db-1", "db-2"], set.Pods.Select(p => p.Name));
        Assert.All(set.Pods, p =>
        {
            Assert.Equal(p.Name, p.Pod.Metadata.Labels["statefulset.kubernetes.io/pod-name"]);
            Assert.False(p.Pod.Metadata.Labels.ContainsKey("pod-template-hash"));
        });
    }

    [Theory]
    [InlineData("apps/v1", "ReplicaSet", "rs")]
    [InlineData("v1", "ReplicationController", "rc")]
    public void ReplicaSetAndReplicationController_PodsGetARandomLookingSuffix(string apiVersion, string kind, string name)
    {
        var set = Manifests.Load($"""
            apiVersion: {apiVersion}
            kind: {kind}
            metadata: {"{name: " + name + "}"}
            spec:
              replicas: 2
              template: {"{metadata: {labels: {app: x}}}"}
            """);

        Assert.Equal(2, set.Pods.Count);
        Assert.All(set.Pods, p =>
        {
            Assert.Matches(ControllerPodName(), p.Name);
            Assert.Equal(["app"], p.Pod.Metadata.Labels.Keys);
            Assert.Equal(new WorkloadRef(kind, name), p.Workload);
        });
        Assert.NotEqual(set.Pods[0].Name, set.Pods[1].Name);
    }

    [Fact]
    public void Job_MakesOnePodPerParallelism_WithJobNameLabels()
    {
        var set = Manifests.Load("""
            apiVersion: batch/v1
            kind: Job
            metadata: {name: job}
            spec:
              parallelism: 2
              template:
                metadata: {labels: {app: migrate}}
                spec: {restartPolicy: Never, containers: [{name: m, image: m}]}
            """);

        Assert.Equal(2, set.Pods.Count);
        Assert.All(set.Pods, p =>
        {
            Assert.Matches(ControllerPodName(), p.Name);
            Assert.Equal("job", p.Pod.Metadata.Labels["job-name"]);
            Assert.Equal("job", p.Pod.Metadata.Labels["batch.kubernetes.io/job-name"]);
            Assert.Equal("migrate", p.Pod.Metadata.Labels["app"]);
        });
    }

    [Fact]
    public void CronJob_MakesThePodOfOneRun_LabelledWithItsJob()
    {
        var set = Manifests.Load("""
            apiVersion: batch/v1
            kind: CronJob
            metadata: {name: backup}
            spec:
              schedule: "0 3 * * *"
              jobTemplate:
                spec:
                  template:
                    metadata: {labels: {app: backup}}
                    spec: {restartPolicy: OnFailure, containers: [{name: b, image: b}]}
            """);

        var pod = Assert.Single(set.Pods);
        Assert.Matches(CronJobPodName(), pod.Name);
        var job = pod.Name[..pod.Name.LastIndexOf('-')];
        Assert.Equal(job, pod.Pod.Metadata.Labels["job-name"]);
        Assert.Equal(job, pod.Pod.Metadata.Labels["batch.kubernetes.io/job-name"]);
    }

    [Fact]
    public void DaemonSet_MakesOnePodPerMatchingNode()
    {
        var set = Manifests.Load("""
            apiVersion: v1
            kind: Node
            metadata: {name: node-a, labels: {disk: ssd}}
            ---
            apiVersion: v1
            kind: Node
            metadata: {name: node-b, labels: {disk: hdd}}
            ---
            apiVersion: v1
            kind: Node
            metadata: {name: node-c, labels: {disk: ssd, zone: b}}
            ---
            apiVersion: apps/v1
            kind: DaemonSet
            metadata: {name: agent, namespace: kube-system}
            spec:
              template:
                metadata: {labels: {app: agent}}
                spec:
                  nodeSelector: {disk: ssd}
                  containers: [{name: agent, image: agent}]
            ---
            apiVersion: apps/v1
            kind: DaemonSet
            metadata: {name: everywhere}
            spec:
              template: {metadata: {labels: {app: everywhere}}}
            """);

        set.AssertClean();
        var agents = set.Pods.Where(p => p.Workload?.Name == "agent").ToList();
        Assert.Equal(["node-a", "node-c"], agents.Select(p => p.Pod.Spec.NodeName));
        Assert.All(agents, p => Assert.Matches($"^agent-{Alphabet}{{5}}$", p.Name));
        Assert.NotEqual(agents[0].Name, agents[1].Name);
        Assert.Equal(["node-a", "node-b", "node-c"], set.Pods.Where(p => p.Workload?.Name == "everywhere").Select(p => p.Pod.Spec.NodeName));
    }

    [Fact]
    public void DaemonSet_WithoutNodes_MakesOnePod()
    {
        var set = Manifests.Load("""
            apiVersion: apps/v1
            kind: DaemonSet
            metadata: {name: agent}
            spec:
              template:
                metadata: {labels: {app: agent}}
                spec: {nodeSelector: {disk: ssd}}
            """);

        var pod = Assert.Single(set.Pods);
        Assert.Null(pod.Pod.Spec.NodeName);
    }

    [Fact]
    public void Workload_WithoutNamespace_RunsInDefault()
    {
        var set = Manifests.Load("""
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: api}
            spec:
              template: {metadata: {labels: {app: api}}}
            """);

        Assert.Equal("default", Assert.Single(set.Pods).Namespace);
        Assert.Equal("default", Assert.Single(set.Namespaces).Object.Metadata.Name);
    }

    [Fact]
    public void Workload_WithoutTemplate_IsAnError()
    {
        var set = Manifests.Load("""
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: api}
            spec:
              replicas: 2
            """);

        set.Expect(Severity.Error, "spec", 5, 3, "Deployment api has no pod template", "add spec.template");
        Assert.Empty(set.Pods);
    }

    [Fact]
    public void CronJob_WithoutTemplate_HintsAtTheJobTemplate()
    {
        var set = Manifests.Load("""
            apiVersion: batch/v1
            kind: CronJob
            metadata: {name: backup}
            spec:
              schedule: "0 3 * * *"
              jobTemplate: {}
            """);

        set.Expect(Severity.Error, "spec", 5, 3, "CronJob backup has no pod template", "add spec.jobTemplate.spec.template");
    }

    [Fact]
    public void WorkloadPods_AreSourcedAtTheWorkload()
    {
        var set = Manifests.Load("""
            apiVersion: v1
            kind: Namespace
            metadata: {name: shop}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: api, namespace: shop}
            spec:
              template: {metadata: {labels: {app: api}}}
            """);

        Assert.Equal(new SourceLocation(Manifests.File, 5, 1), Assert.Single(set.Pods).Source.Location);
    }
}
