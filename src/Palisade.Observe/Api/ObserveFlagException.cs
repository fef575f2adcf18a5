namespace Palisade.Observe.Api;

/// <summary>A <c>palisade observe</c> flag with a value it cannot take, or flags that cannot be combined.</summary>
/// <param name="flag">The flag, as <c>--name</c>.</param>
/// <param name="message">What is wrong and which values are accepted.</param>
internal sealed class ObserveFlagException(string flag, string message) : Exception(message)
{
    /// <summary>The flag at fault, as <c>--name</c>.</summary>
    public string Flag { get; } = flag;
}
