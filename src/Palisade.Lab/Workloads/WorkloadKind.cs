namespace Palisade.Lab.Workloads;

/// <summary>The behaviour a pod's workload has, chosen from its image (or from being a world host).</summary>
internal enum WorkloadKind
{
    /// <summary>Answers every request with the pod name; listens only on the declared ports.</summary>
    Generic,

    /// <summary><c>quay.io/cilium/starwars</c>: the star wars demo's deathstar API on TCP 80.</summary>
    Deathstar,

    /// <summary><c>quay.io/cilium/json-mock</c>: the demo's spaceships and mediabot, generic answers on TCP 80.</summary>
    JsonMock,

    /// <summary>A host of the lab's world: a hello line on TCP 80 and HTTPS on TCP 443.</summary>
    World,
}
