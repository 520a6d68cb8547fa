using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using SocialPrescribing.Storage;
using SocialPrescribing.Storage.Postgres;

namespace SocialPrescribing.Benchmarks;

/// <summary>
/// Appends straight to the audit log of <see cref="PostgresJourneyStore"/>: one entry per call, as auditing one read
/// would, all to one tenant's chain (the worst case: every append waits for the same head row).
/// </summary>
internal sealed class AuditScenario(string name, string connectionString, PostgresStorageOptions options) : LoadScenario
{
    private NpgsqlDataSource? _dataSource;
    private PostgresJourneyStore? _store;

    public override string Name => name;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // As AddPostgresJourneyStore builds it: pooled connections are not reset when reopened.
        _dataSource = new NpgsqlDataSourceBuilder(connectionString) { ConnectionStringBuilder = { NoResetOnClose = true } }.Build();
        _store = new PostgresJourneyStore(_dataSource, Options.Create(options), TimeProvider.System, NullLogger<PostgresJourneyStore>.Instance);
        await _store.MigrateAsync(cancellationToken);
    }

    public override Task<Func<Task>> CreateWorkerAsync(int worker, CancellationToken cancellationToken)
    {
        var journey = Guid.CreateVersion7();
        return Task.FromResult<Func<Task>>(() => _store!.AppendAsync([Entry(journey, "read")]));
    }

    /// <summary>What auditing one read or command on a journey writes.</summary>
    public static AuditEntry Entry(Guid journey, string action) =>
        new(BenchmarkTenants.Alberta.Id, DateTimeOffset.UtcNow, SampleEvents.Actor, "link-worker", "sp-web", journey, "journey", action, AuditEntry.Allowed,
            RequestId: "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", SourceAddress: "192.0.2.10");

    public override async ValueTask DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }

        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
        }
    }
}
