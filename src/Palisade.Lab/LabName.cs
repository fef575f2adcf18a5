using System.Text.RegularExpressions;

namespace Palisade.Lab;

/// <summary>
/// A lab's name: a DNS label of at most 20 characters. It prefixes every namespace the lab makes (<c>pl-NAME.</c>);
/// since a name has no dot, one lab's prefix is never a prefix of another's.
/// </summary>
public static partial class LabName
{
    /// <summary>The name used when none is given.</summary>
    public const string Default = "palisade";

    /// <summary>Throws a <see cref="LabException"/> naming the rule when <paramref name="name"/> is not a valid lab name.</summary>
    public static string Validate(string name)
    {
        if (!Pattern().IsMatch(name))
        {
            throw new LabException($"invalid lab name \"{name}\": use 1-20 lowercase letters, digits or '-', starting and ending with a letter or digit (e.g. --name starwars)");
        }
        return name;
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]{0,18}[a-z0-9])?$")]
    private static partial Regex Pattern();
}
