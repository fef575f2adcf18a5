using System.Text.Json;

namespace Palisade.Lab.Api;

/// <summary>The JSON options of the controller's API (camelCase, one message per line).</summary>
internal static class ApiJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = false };
}
