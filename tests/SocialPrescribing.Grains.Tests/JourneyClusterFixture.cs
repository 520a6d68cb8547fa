using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;
using SocialPrescribing.Domain.Tenants;
using SocialPrescribing.Grains.Journeys;
using SocialPrescribing.Storage;
using SocialPrescribing.Storage.Sqlite;

namespace SocialPrescribing.Grains.Tests;

/// <summary>A one-silo cluster over a real SQLite file in a temporary folder, with a clock the tests move.</summary>
public sealed class JourneyClusterFixture : IAsyncLifetime
{
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "sp-grains-" + Guid.NewGuid().ToString("N"));

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 24, 16, 0, 0, TimeSpan.Zero));

    public RecordingScheduler Scheduler { get; } = new();

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    public FaultInjectingJourneyStore Store => (FaultInjectingJourneyStore)Cluster.Silos[0].ServiceProvider.GetRequiredService<IJourneyStore>();

    public async ValueTask InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSiloHost((_, host) =>
        {
            var storage = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["DataDirectory"] = DataDirectory }).Build();
            host.Services.AddSingleton<TimeProvider>(Time);
            host.Services.AddSqliteJourneyStore(storage);
            host.Services.AddSingleton<IJourneyStore>(sp => new FaultInjectingJourneyStore(sp.GetRequiredService<SqliteJourneyStore>()));
            host.Services.AddSingleton<ITenantDirectory, TestTenants>();
            host.Services.AddSingleton<ISafetyAlertDispatcher>(Scheduler);
            host.Services.AddSingleton<IEmergencyAccessDispatcher>(Scheduler);
            host.Services.AddSingleton<ITransportDispatcher>(Scheduler);
            host.Services.AddSingleton<IJourneyReactions, JourneyReactions>();
            host.Services.AddJourneyReactor(reactor => reactor.PollInterval = TimeSpan.FromMilliseconds(100));
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(DataDirectory, recursive: true);
    }
}
