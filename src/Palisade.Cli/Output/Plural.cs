namespace Palisade.Cli.Output;

/// <summary>Counts in words: "1 pod", "2 pods", "1 policy", "3 policies".</summary>
internal static class Plural
{
    public static string Count(int n, string one, string? many = null) => $"{n} {(n == 1 ? one : many ?? one + "s")}";
}
