using k8s.Models;

namespace Palisade.Policy.Binding;

/// <summary>
/// An <see cref="IntOrString"/> that was written as a string. The official model keeps both forms as text;
/// this subtype keeps the difference, which matters: <c>port: "80"</c> is a named port to the API server.
/// </summary>
public sealed class StringIntOrString : IntOrString
{
    private static readonly System.Reflection.PropertyInfo ValueProperty = typeof(IntOrString).GetProperty(nameof(Value))!;

    /// <summary>Creates the string form (the official type's setter is private, so it is set by reflection once).</summary>
    public StringIntOrString(string value) => ValueProperty.SetValue(this, value);
}
