namespace Palisade.Lab.Store;

/// <summary>An object of the lab's desired state, as applied: its key parts, its JSON and when it was last applied.</summary>
public sealed record StoredObject(string ApiVersion, string Kind, string? Namespace, string Name, string Json, DateTimeOffset Applied, bool System);
