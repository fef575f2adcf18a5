namespace Palisade.Lab.Api;

/// <summary>An object sent to the controller: its key parts and, for apply, its JSON.</summary>
public sealed record ApiObject(string ApiVersion, string Kind, string? Namespace, string Name, string? Json);
