namespace Palisade.Policy.Errors;

/// <summary>
/// A problem the user caused and can fix (an exhausted address range, an unknown pod name). The CLI prints its
/// message alone, never a stack trace.
/// </summary>
public sealed class InputException : Exception
{
    /// <summary>Creates the exception with a message that says what is wrong and what to do.</summary>
    public InputException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with no message.</summary>
    public InputException()
    {
    }

    /// <summary>Creates the exception wrapping another.</summary>
    public InputException(string message, Exception inner) : base(message, inner)
    {
    }
}
