using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Palisade.Engine.Ir;
using Palisade.Engine.Verdicts;

namespace Palisade.Agent.Compilation;

/// <summary>
/// Numbers the node's verdicts (a direction and a <see cref="SideDecision"/>) from a hash of their key, as identities
/// are numbered, so the same rule keeps the same number across syncs and restarts and an update stays small. Numbers
/// are never forgotten while the instance lives: a flow event read late still finds its verdict. Thread-safe (the
/// flow reader looks numbers up while the agent syncs).
/// </summary>
public sealed class VerdictNumbering
{
    /// <summary>Egress of a pod no policy has rules for.</summary>
    public const uint OpenEgress = 1;

    /// <summary>Ingress of a pod no policy has rules for.</summary>
    public const uint OpenIngress = 2;

    /// <summary>Egress of a pod interface no agent programmed yet (dropped by the dispatch chain).</summary>
    public const uint UnprogrammedEgress = 3;

    /// <summary>Ingress of a pod interface no agent programmed yet.</summary>
    public const uint UnprogrammedIngress = 4;

    private const uint First = 16;
    private readonly Dictionary<string, uint> byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<uint, VerdictRule> byNumber = new()
    {
        [OpenEgress] = OpenRule(Direction.Egress),
        [OpenIngress] = OpenRule(Direction.Ingress),
    };
    private readonly Lock gate = new();

    /// <summary>The verdict of a side not isolated in <paramref name="direction"/> (no chain: dispatched straight to it).</summary>
    public static uint Open(Direction direction) => direction == Direction.Egress ? OpenEgress : OpenIngress;

    /// <summary>The verdict of a side not isolated in <paramref name="direction"/>, a fixed chain of every table.</summary>
    public static VerdictRule OpenRule(Direction direction) => new(Open(direction), direction, new SideDecision(SideReason.NotIsolated, [], []));

    /// <summary>The number of <paramref name="decision"/> in <paramref name="direction"/>.</summary>
    public VerdictRule Of(Direction direction, SideDecision decision)
    {
        var key = $"{direction}|{decision.Key}";
        lock (gate)
        {
            if (byKey.TryGetValue(key, out var known)) return byNumber[known];
            var span = int.MaxValue - First;
            var offset = (uint)(BinaryPrimitives.ReadUInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(key))) % span);
            while (byNumber.ContainsKey(First + offset)) offset = (uint)((offset + 1) % span);
            var rule = new VerdictRule(First + offset, direction, decision);
            byKey[key] = rule.Number;
            byNumber[rule.Number] = rule;
            return rule;
        }
    }

    /// <summary>The verdict numbered <paramref name="number"/>, or null when this instance never gave it.</summary>
    public VerdictRule? Find(uint number)
    {
        lock (gate) return byNumber.GetValueOrDefault(number);
    }
}
