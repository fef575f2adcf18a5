using System.Net;
using Palisade.Lab.Model;

namespace Palisade.Lab.Services;

/// <summary>
/// One ready pod serving one port of a Service: traffic to the Service's ClusterIP on <see cref="Port"/> goes to
/// <see cref="PodIp"/>:<see cref="TargetPort"/>. <see cref="ServiceKey"/> ("namespace/name") says which Service, so
/// backends of several Services can travel in one list.
/// </summary>
internal sealed record ServiceBackend(string ServiceKey, LabServicePort Port, IPAddress PodIp, int TargetPort, string PodKey);
