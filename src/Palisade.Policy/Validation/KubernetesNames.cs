using System.Text.RegularExpressions;

namespace Palisade.Policy.Validation;

/// <summary>
/// Kubernetes' name and label rules (k8s.io/apimachinery/pkg/util/validation). Each check returns null when the
/// value is valid, otherwise the reason in the API server's words.
/// </summary>
public static partial class KubernetesNames
{
    [GeneratedRegex("^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$")]
    private static partial Regex QualifiedNamePart();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Dns1123Label();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex Dns1123Subdomain();

    [GeneratedRegex("^[-a-z0-9]+$")]
    private static partial Regex PortNameChars();

    /// <summary>A label or annotation key: optional DNS-subdomain prefix and a name of at most 63 characters.</summary>
    public static string? CheckQualifiedName(string value)
    {
        var parts = value.Split('/');
        if (parts.Length > 2) return "a qualified name must be at most one prefix and a name separated by '/'";
        var name = parts[^1];
        if (parts.Length == 2)
        {
            if (parts[0].Length == 0) return "the prefix part must not be empty";
            if (CheckDnsSubdomain(parts[0]) is { } p) return "prefix part " + p;
        }
        if (name.Length == 0) return "the name part must not be empty";
        if (name.Length > 63) return "the name part must be no more than 63 characters";
        return QualifiedNamePart().IsMatch(name) ? null
            : "the name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
    }

    /// <summary>A label value: empty, or at most 63 characters of the qualified-name alphabet.</summary>
    public static string? CheckLabelValue(string value)
    {
        if (value.Length == 0) return null;
        if (value.Length > 63) return "must be no more than 63 characters";
        return QualifiedNamePart().IsMatch(value) ? null
            : "a valid label value must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
    }

    /// <summary>An RFC 1123 label (namespace names).</summary>
    public static string? CheckDnsLabel(string value)
    {
        if (value.Length > 63) return "must be no more than 63 characters";
        return Dns1123Label().IsMatch(value) ? null
            : "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
    }

    /// <summary>An RFC 1123 subdomain (most object names).</summary>
    public static string? CheckDnsSubdomain(string value)
    {
        if (value.Length > 253) return "must be no more than 253 characters";
        return Dns1123Subdomain().IsMatch(value) ? null
            : "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
    }

    /// <summary>An IANA service name, as used for named ports.</summary>
    public static string? CheckPortName(string value)
    {
        if (value.Length is 0 or > 15) return "must be no more than 15 characters";
        if (!PortNameChars().IsMatch(value)) return "must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)";
        if (value.Contains("--", StringComparison.Ordinal)) return "must not contain consecutive hyphens";
        if (value[0] == '-' || value[^1] == '-') return "must not begin or end with a hyphen";
        return value.Any(char.IsAsciiLetter) ? null : "must contain at least one letter (a-z)";
    }
}
