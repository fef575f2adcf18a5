using Palisade.Observe.Kernel;

namespace Palisade.Bench.Observe;

/// <summary>Where the full reader of the NFLOG bench hands each decoded event (e.g. a flow ring); null: nowhere.</summary>
internal delegate void NflogSink(in NflogEvent e, in PacketHeaders headers);
