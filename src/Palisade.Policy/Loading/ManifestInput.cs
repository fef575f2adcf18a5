namespace Palisade.Policy.Loading;

/// <summary>One input stream: a display name (file path or "-" for stdin) and its text.</summary>
public sealed record ManifestInput(string Name, string Text);
