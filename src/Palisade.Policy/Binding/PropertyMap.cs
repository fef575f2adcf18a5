using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json.Serialization;

namespace Palisade.Policy.Binding;

/// <summary>The JSON field names of a model type, from <see cref="JsonPropertyNameAttribute"/> or camelCase.</summary>
internal static class PropertyMap
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyDictionary<string, PropertyInfo>> Cache = new();

    public static IReadOnlyDictionary<string, PropertyInfo> For(Type type) => Cache.GetOrAdd(type, Build);

    private static IReadOnlyDictionary<string, PropertyInfo> Build(Type type)
    {
        var map = new Dictionary<string, PropertyInfo>(StringComparer.Ordinal);
        foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (!p.CanWrite || p.GetIndexParameters().Length > 0 || p.IsDefined(typeof(JsonIgnoreAttribute))) continue;
            var name = p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? char.ToLowerInvariant(p.Name[0]) + p.Name[1..];
            map[name] = p;
        }
        return map;
    }
}
