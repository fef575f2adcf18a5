namespace Palisade.Policy.Loading;

/// <summary>A typed object with its source, as loaded from a manifest.</summary>
public sealed record Loaded<T>(T Object, SourceRef Source) where T : class;
