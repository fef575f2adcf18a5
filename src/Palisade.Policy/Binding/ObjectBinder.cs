using System.Collections;
using System.Globalization;
using k8s.Models;
using Palisade.Policy.Diagnostics;
using Palisade.Policy.Yaml;

namespace Palisade.Policy.Binding;

/// <summary>
/// Binds a <see cref="YNode"/> tree onto a model type (the official Kubernetes models or Palisade's own records)
/// by their JSON field names, reporting every unknown field and every type mismatch with its path; it never
/// throws on bad input. Values that cannot be bound are left null.
/// </summary>
public static class ObjectBinder
{
    /// <summary>Binds <paramref name="node"/> as a <typeparamref name="T"/>.</summary>
    public static T? Bind<T>(YNode node, BindContext context) where T : class =>
        Bind(typeof(T), node, FieldPath.Root, context) as T;

    /// <summary>Binds <paramref name="node"/> at <paramref name="path"/> as <paramref name="type"/>.</summary>
    public static object? Bind(Type type, YNode node, FieldPath path, BindContext context)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (node is YScalar { Kind: ScalarKind.Null }) return null;
        if (target == typeof(object) || target.FullName == "System.Text.Json.JsonElement") return null;
        if (IsScalarType(target)) return BindScalar(target, node, path, context);
        if (DictionaryValueType(target) is { } valueType) return BindDictionary(target, valueType, node, path, context);
        if (ListItemType(target) is { } itemType) return BindList(target, itemType, node, path, context);
        return BindObject(target, node, path, context);
    }

    private static bool IsScalarType(Type t) =>
        t == typeof(string) || t == typeof(int) || t == typeof(long) || t == typeof(bool) || t == typeof(double)
        || t == typeof(DateTime) || t == typeof(byte[]) || typeof(IntOrString).IsAssignableFrom(t) || t == typeof(ResourceQuantity);

    private static object? BindScalar(Type t, YNode node, FieldPath path, BindContext context)
    {
        if (node is not YScalar s)
        {
            return Mismatch(path, context, ScalarName(t), node);
        }
        return t switch
        {
            _ when t == typeof(string) => s.Kind == ScalarKind.String ? s.Value : Mismatch(path, context, "a string", s, $"quote it: \"{s.Value}\""),
            _ when t == typeof(int) => Int32(s) is { } i ? i : Mismatch(path, context, "a whole number", s),
            _ when t == typeof(long) => s.Kind == ScalarKind.Int && ScalarResolver.TryParseInt(s.Value, out var l) ? l : Mismatch(path, context, "a whole number", s),
            _ when t == typeof(double) => s.Kind switch
            {
                ScalarKind.Int when ScalarResolver.TryParseInt(s.Value, out var n) => (double)n,
                ScalarKind.Float => double.Parse(s.Value, CultureInfo.InvariantCulture),
                _ => Mismatch(path, context, "a number", s),
            },
            _ when t == typeof(bool) => s.Kind == ScalarKind.Bool ? ScalarResolver.IsTrue(s.Value) : Mismatch(path, context, "true or false", s),
            _ when typeof(IntOrString).IsAssignableFrom(t) => BindIntOrString(s, path, context),
            _ when t == typeof(ResourceQuantity) => s.Kind is ScalarKind.String or ScalarKind.Int or ScalarKind.Float ? TryQuantity(s.Value) ?? Mismatch(path, context, "a quantity", s) : Mismatch(path, context, "a quantity", s),
            _ when t == typeof(DateTime) => DateTime.TryParse(s.Value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var d) ? d : Mismatch(path, context, "an RFC 3339 time", s),
            _ => s.Kind == ScalarKind.String ? TryBase64(s.Value) ?? Mismatch(path, context, "base64 data", s) : Mismatch(path, context, "base64 data", s),
        };
    }

    private static object? BindIntOrString(YScalar s, FieldPath path, BindContext context) => s.Kind switch
    {
        ScalarKind.Int => Int32(s) is { } n ? (IntOrString)n.ToString(CultureInfo.InvariantCulture) : Mismatch(path, context, "a 32-bit whole number or a string", s),
        ScalarKind.String => new StringIntOrString(s.Value),
        _ => Mismatch(path, context, "a number or a string", s),
    };

    /// <summary>The value of an integer scalar that fits in 32 bits (in YAML 1.1 notation: 010 is 8, 0x50 is 80).</summary>
    private static int? Int32(YScalar s) =>
        s.Kind == ScalarKind.Int && ScalarResolver.TryParseInt(s.Value, out var n) && n is >= int.MinValue and <= int.MaxValue ? (int)n : null;

    private static ResourceQuantity? TryQuantity(string text)
    {
        try
        {
            return new ResourceQuantity(text);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or OverflowException)
        {
            return null;
        }
    }

    private static byte[]? TryBase64(string text)
    {
        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text, buffer, out var n) ? buffer[..n] : null;
    }

    private static object? BindDictionary(Type t, Type valueType, YNode node, FieldPath path, BindContext context)
    {
        if (node is not YMapping m) return Mismatch(path, context, "a mapping", node);
        var dict = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(typeof(string), valueType))!;
        foreach (var (k, v) in m.Entries)
        {
            // As Go decodes map[string]string: null is "". A value that failed to bind was reported and is left out.
            var value = Bind(valueType, v, path.Field(k.Value), context)
                ?? (v is YScalar { Kind: ScalarKind.Null } && valueType == typeof(string) ? "" : null);
            if (value is not null) dict[k.Value] = value;
        }
        return dict;
    }

    private static object? BindList(Type t, Type itemType, YNode node, FieldPath path, BindContext context)
    {
        if (node is not YSequence seq) return Mismatch(path, context, "a list", node);
        var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(itemType))!;
        for (var i = 0; i < seq.Items.Count; i++)
        {
            // As Go decodes a null list item: the zero value ("" or an empty object). An item that failed to bind was
            // reported and stays null, so that later paths keep their indexes.
            var item = Bind(itemType, seq.Items[i], path.Index(i), context)
                ?? (seq.Items[i] is YScalar { Kind: ScalarKind.Null } ? ZeroValue(itemType) : null);
            if (item is not null || !itemType.IsValueType) list.Add(item);
        }
        return list;
    }

    private static object? ZeroValue(Type t) =>
        t == typeof(string) ? ""
        : t.IsValueType || IsScalarType(t) || t == typeof(object) || DictionaryValueType(t) is not null || ListItemType(t) is not null || t.IsAbstract ? null
        : Activator.CreateInstance(t);

    private static object? BindObject(Type t, YNode node, FieldPath path, BindContext context)
    {
        if (node is not YMapping m) return Mismatch(path, context, "a mapping", node);
        var instance = Activator.CreateInstance(t)!;
        var properties = PropertyMap.For(t);
        foreach (var (k, v) in m.Entries)
        {
            var fieldPath = path.Field(k.Value);
            if (!properties.TryGetValue(k.Value, out var property))
            {
                UnknownField(k, properties.Keys, fieldPath, context);
                continue;
            }
            var value = Bind(property.PropertyType, v, fieldPath, context);
            if (value is not null) property.SetValue(instance, value);
        }
        return instance;
    }

    private static void UnknownField(YScalar key, IEnumerable<string> known, FieldPath path, BindContext context)
    {
        var name = key.Value;
        var suggestion = Suggest.Closest(name, known);
        var specific = context.UnknownFieldHint?.Invoke(path);
        var hint = specific is not null ? specific : suggestion is not null ? $"did you mean \"{suggestion}\"?" : "remove it or move it to where it belongs; the API server rejects unknown fields";
        var message = context.UnknownFieldSeverity == Severity.Error ? $"unknown field \"{name}\"" : $"unknown field \"{name}\" is ignored";
        context.Report(context.UnknownFieldSeverity, key, path, message, hint);
    }

    private static object? Mismatch(FieldPath path, BindContext context, string expected, YNode actual, string? hint = null)
    {
        context.Report(Severity.Error, path, $"expected {expected}, found {actual.Describe()}", hint);
        return null;
    }

    private static string ScalarName(Type t) =>
        t == typeof(string) ? "a string" : t == typeof(bool) ? "true or false" : typeof(IntOrString).IsAssignableFrom(t) ? "a number or a string" : "a number";

    private static Type? DictionaryValueType(Type t)
    {
        if (!t.IsGenericType) return null;
        var def = t.GetGenericTypeDefinition();
        var isDict = def == typeof(IDictionary<,>) || def == typeof(Dictionary<,>) || def == typeof(IReadOnlyDictionary<,>);
        return isDict && t.GetGenericArguments()[0] == typeof(string) ? t.GetGenericArguments()[1] : null;
    }

    private static Type? ListItemType(Type t)
    {
        if (t.IsArray && t != typeof(byte[])) return null;
        if (!t.IsGenericType) return null;
        var def = t.GetGenericTypeDefinition();
        var isList = def == typeof(IList<>) || def == typeof(List<>) || def == typeof(IReadOnlyList<>) || def == typeof(IEnumerable<>) || def == typeof(ICollection<>);
        return isList ? t.GetGenericArguments()[0] : null;
    }
}
