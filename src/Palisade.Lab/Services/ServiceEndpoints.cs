using System.Globalization;
using Palisade.Lab.Model;

namespace Palisade.Lab.Services;

/// <summary>
/// The endpoints of a Service as the endpoints controller computes them: the ready pods of the Service's namespace whose
/// labels hold every pair of its selector, per Service port, with the target port resolved for each pod.
/// </summary>
internal static class ServiceEndpoints
{
    /// <summary>
    /// The backends of <paramref name="service"/> among <paramref name="pods"/>, ordered by port then pod key. A null or
    /// empty selector selects no pod (the API server stores an empty selector as none). A <c>targetPort</c> that is
    /// absent means the Service port, a number means that number, and a name means the pod's container port of that
    /// name and protocol; a pod without it does not serve that port.
    /// </summary>
    /// <exception cref="LabException">A numeric targetPort is not a port number.</exception>
    public static IReadOnlyList<ServiceBackend> Compute(LabService service, IReadOnlyList<LabPod> pods, Func<LabPod, bool> isReady)
    {
        var selected = pods.Where(p => Selects(service, p) && isReady(p)).OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
        return [.. from port in service.Ports
                   from pod in selected
                   let target = TargetPort(service, port, pod)
                   where target is not null
                   select new ServiceBackend(service.Key, port, pod.Ip, target.Value, pod.Key)];
    }

    private static bool Selects(LabService service, LabPod pod) =>
        service.Selector is { Count: > 0 } selector
        && pod.Namespace == service.Namespace
        && selector.All(pair => pod.Labels.TryGetValue(pair.Key, out var value) && value == pair.Value);

    private static int? TargetPort(LabService service, LabServicePort port, LabPod pod)
    {
        if (string.IsNullOrEmpty(port.TargetPort)) return port.Port;
        if (port.TargetPort.All(char.IsAsciiDigit)) return Number(service, port);
        return pod.Ports.FirstOrDefault(p => p.Name == port.TargetPort && p.Protocol == port.Protocol)?.Port;
    }

    private static int Number(LabService service, LabServicePort port) =>
        int.TryParse(port.TargetPort, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is >= 1 and <= 65535
        ? number
        : throw new LabException($"service {service.Key} port {port.Port}: targetPort {port.TargetPort} is not a port number; give 1-65535 or a container port name");
}
