using Palisade.Policy.Binding;
using Palisade.Policy.Yaml;

namespace Palisade.Policy.Cilium;

/// <summary><c>icmps</c>: at most 40 fields per rule, each a family (IPv4/IPv6) and a type number or name.</summary>
internal static class CiliumIcmpValidator
{
    private const int MaxFields = 40;

    private static readonly string[] Families = [IcmpTypes.IPv4, IcmpTypes.IPv6];

    /// <summary>Checks one <c>icmps</c> entry at <paramref name="path"/>.</summary>
    public static void Validate(IcmpRule rule, FieldPath path, ProblemList problems)
    {
        var fields = rule.Fields ?? [];
        if (fields.Count > MaxFields) problems.Error(path.Field("fields"), $"too many ICMP types ({fields.Count}); the max is {MaxFields}", "split them over several icmps entries");
        problems.Each(fields, path.Field("fields"), Field);
    }

    private static void Field(IcmpField field, FieldPath path, ProblemList problems)
    {
        var familyOk = string.IsNullOrEmpty(field.Family) || Families.Contains(field.Family);
        if (!familyOk)
        {
            var suggestion = Suggest.Closest(field.Family!, Families);
            problems.Error(path.Field("family"), $"wrong ICMP family \"{field.Family}\"", suggestion is null ? "use IPv4 or IPv6" : $"did you mean \"{suggestion}\"? (case-sensitive)");
        }
        if (field.Type?.Value is not { } type)
        {
            problems.Error(path, "type is required", "give a type number 0-255 or a name such as EchoRequest");
            return;
        }
        if (familyOk) Type(type, field.EffectiveFamily, path.Field("type"), problems);
    }

    private static void Type(string type, string family, FieldPath path, ProblemList problems)
    {
        if (IcmpTypes.TryResolve(family, type, out _)) return;
        if (type.TrimStart('-') is { Length: > 0 } digits && digits.All(char.IsAsciiDigit))
        {
            problems.Error(path, $"ICMP type {type} must be between 0 and 255");
            return;
        }
        var other = family == IcmpTypes.IPv6 ? IcmpTypes.IPv4 : IcmpTypes.IPv6;
        var hint = IcmpTypes.Names(other).ContainsKey(type) ? $"{type} is an {other} type name; set family: {other}"
            : Suggest.Closest(type, IcmpTypes.Names(family).Keys) is { } s ? $"did you mean \"{s}\"?"
            : "use a number 0-255 or a CamelCase name such as EchoRequest";
        problems.Error(path, $"\"{type}\" is not an {family} ICMP type name", hint);
    }
}
