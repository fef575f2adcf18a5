using System.Text;
using CsCheck;

namespace Palisade.Policy.Tests.Fuzz;

/// <summary>Random bytes and random YAML-flavoured text: the loader reports, never throws.</summary>
public class RandomTextFuzzTests
{
    private const string YamlChars = "abcxyz019 :-,[]{}?&*!|>'\"%@`#\n\n\n\t.~/\\\u00e9\u2028\ufeff";

    private static readonly string[] Tokens =
    [
        "apiVersion: ", "kind: ", "NetworkPolicy", "networking.k8s.io/v1", "List", "items:", "metadata:", "name: ", "spec:",
        "podSelector:", "ingress:", "- ", "  ", "    ", "\n", "{", "}", "[", "]", ", ", ": ", "&a ", "*a", "!!str ", "!!binary ",
        "---\n", "...\n", "? ", "|\n", ">-\n", "\"", "'", "#", "~", "on", "80", "-1", "1e999", "9999999999", "0x1F", "1_0", "%YAML 1.1\n", "<<: *a", "\t",
    ];

    [Fact]
    public void RandomBytes_NeverThrow() =>
        Gen.Byte.Array[0, 300].Select(bytes => Encoding.UTF8.GetString(bytes)).Sample(LoaderInvariant.Check, iter: LoaderInvariant.Iterations);

    [Fact]
    public void RandomYamlCharacters_NeverThrow() =>
        Gen.String[Gen.Char[YamlChars], 0, 200].Sample(LoaderInvariant.Check, iter: LoaderInvariant.Iterations);

    [Fact]
    public void RandomYamlTokens_NeverThrow() =>
        Gen.OneOf(Tokens).Array[0, 60].Select(t => string.Concat(t)).Sample(LoaderInvariant.Check, iter: LoaderInvariant.Iterations);
}
