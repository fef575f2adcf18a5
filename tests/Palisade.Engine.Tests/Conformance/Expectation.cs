namespace Palisade.Engine.Tests.Conformance;

/// <summary>Something a scenario expects of a <see cref="ModelRun"/>; <see cref="Check"/> lists every way it is not met.</summary>
internal abstract record Expectation
{
    public abstract IEnumerable<string> Check(ModelRun run);
}
