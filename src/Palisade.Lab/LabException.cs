namespace Palisade.Lab;

/// <summary>A failure of the lab a user can act on (missing privilege, a program that failed, a lab that does not exist); the message says what to do.</summary>
public sealed class LabException(string message, Exception? inner = null) : Exception(message, inner);
