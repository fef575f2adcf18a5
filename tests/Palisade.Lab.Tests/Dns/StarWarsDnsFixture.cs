namespace Palisade.Lab.Tests.Dns;

/// <summary>One <see cref="DnsTestLab"/> serving <see cref="StarWarsZone"/>, shared by tests that only query it.</summary>
public sealed class StarWarsDnsFixture : IAsyncLifetime
{
    private DnsTestLab? lab;

    internal DnsTestLab Lab => lab ?? throw new InvalidOperationException("the fixture has not started");

    public async Task InitializeAsync() => lab = await DnsTestLab.StartAsync(StarWarsZone.Snapshot);

    public async Task DisposeAsync()
    {
        if (lab is not null) await lab.DisposeAsync();
    }
}
