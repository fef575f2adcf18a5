using Palisade.Policy.Net;

namespace Palisade.Engine.Cluster;

/// <summary>Hands out addresses of a prefix in order, skipping the network address and addresses already taken.</summary>
internal sealed class AddressAllocator(Cidr range, IEnumerable<IpAddressValue> taken)
{
    private readonly HashSet<IpAddressValue> _taken = [.. taken];
    private UInt128 _next = 1;

    public IpAddressValue Next()
    {
        while (_next < range.Size)
        {
            var candidate = range.AddressAt(_next++);
            if (_taken.Add(candidate)) return candidate;
        }
        throw new Palisade.Policy.Errors.InputException($"the address range {range} is exhausted; give a larger --pod-cidr");
    }
}
