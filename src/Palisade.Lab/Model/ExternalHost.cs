using System.Net;

namespace Palisade.Lab.Model;

/// <summary>
/// A host of the lab's "world": a network namespace outside every node, reached by pods through their node, with the
/// DNS names the lab's DNS server answers with its address (e.g. api.twitter.com). It serves HTTP on 80 and HTTPS on
/// 443 with a certificate of the lab's own CA.
/// </summary>
public sealed record ExternalHost(IReadOnlyList<string> Names, IPAddress Address, string Netns);
