using System.Text;

namespace Palisade.Policy.Loading;

/// <summary>
/// Pod names as Kubernetes' controllers make them, but deterministic: the random five-character suffix and the
/// pod-template-hash are derived from the workload instead of a random source, using the same alphabet
/// (k8s.io/apimachinery/pkg/util/rand: no vowels, no 0/1/3 to avoid words and look-alikes).
/// </summary>
public static class KubernetesNaming
{
    private const string Alphabet = "bcdfghjklmnpqrstvwxz2456789";

    /// <summary>A 5-character suffix derived from <paramref name="seed"/>.</summary>
    public static string Suffix(string seed)
    {
        var h = Fnv32a(seed);
        var sb = new StringBuilder(5);
        for (var i = 0; i < 5; i++)
        {
            sb.Append(Alphabet[(int)(h % (uint)Alphabet.Length)]);
            h = (h / (uint)Alphabet.Length) ^ Fnv32a(seed + i);
        }
        return sb.ToString();
    }

    /// <summary>A pod-template-hash, encoded as Kubernetes does (SafeEncodeString of the decimal FNV-32a sum).</summary>
    public static string TemplateHash(string templateText)
    {
        var digits = Fnv32a(templateText).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new string(digits.Select(c => Alphabet[c % Alphabet.Length]).ToArray());
    }

    private static uint Fnv32a(string text)
    {
        var h = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            h ^= b;
            h *= 16777619u;
        }
        return h;
    }
}
