using System.Net.Sockets;
using Palisade.Lab.Model;

namespace Palisade.Lab.Workloads;

/// <summary>A listening socket of a pod (bound to 0.0.0.0 inside the pod's network namespace) and the port it serves.</summary>
internal sealed record BoundSocket(LabPort Port, Socket Socket);
