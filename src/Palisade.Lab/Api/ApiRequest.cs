namespace Palisade.Lab.Api;

/// <summary>One request to a lab's controller: <c>apply</c>, <c>delete</c>, <c>status</c>, <c>wait</c> or <c>shutdown</c>.</summary>
public sealed record ApiRequest(string Verb, IReadOnlyList<ApiObject>? Objects = null);
