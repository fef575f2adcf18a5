namespace Palisade.Observe.Kernel;

/// <summary>
/// Receives one NFLOG event. The event's spans point into the reader's receive buffer and are valid only during the
/// call: copy what must outlive it.
/// </summary>
public delegate void NflogHandler(in NflogEvent e);
