namespace Palisade.Observe.Flows;

/// <summary>A flow filter that cannot be compiled: a malformed IP, port, selector or pod name.</summary>
internal sealed class FlowFilterException(string message) : Exception(message);
