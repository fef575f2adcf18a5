using Palisade.Policy.Diagnostics;
using Palisade.Policy.Yaml;

namespace Palisade.Policy.Validation;

/// <summary>A problem found by a validator, located later by the loader.</summary>
public sealed record ValidationProblem(Severity Severity, FieldPath Path, string Message, string? Hint = null);
