namespace Palisade.Datapath.Nft;

/// <summary>
/// An nftables object, transaction or kernel answer that cannot be used as it is: a name nft cannot parse, an element
/// that does not fit its set, a reference to something missing, or the kernel refusing a transaction (then the message
/// carries nft's own text, and nothing was changed). The message names the object and says what to do.
/// </summary>
public sealed class NftException(string message, Exception? inner = null) : Exception(message, inner);
