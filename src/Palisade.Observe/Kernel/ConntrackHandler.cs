namespace Palisade.Observe.Kernel;

/// <summary>Receives one conntrack event.</summary>
public delegate void ConntrackHandler(in ConntrackEvent e);
