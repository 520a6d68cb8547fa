using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using SocialPrescribing.Abstractions;
using SocialPrescribing.Storage;
using SocialPrescribing.Storage.Postgres;

namespace SocialPrescribing.Benchmarks;

/// <summary>
/// Appends straight to <see cref="PostgresJourneyStore"/>, without grains: one event and the caseload row per
/// append, as a command would write. Separates the engine's cost from the grain path's. When
/// <paramref name="audited"/>, each command also writes its audit entry, concurrently with the append and durable
/// before the command returns.
/// </summary>
/// <remarks>The store starts with <paramref name="caseload"/> journeys in its tenant and in another. It runs as <paramref name="connectionString"/>'s role and migrates as <paramref name="ownerConnectionString"/>'s.</remarks>
internal sealed class StoreScenario(
    string name, string connectionString, PostgresStorageOptions options, int caseload, bool audited = false, string? ownerConnectionString = null) : LoadScenario
{
    private static readonly TenantId Tenant = TenantId.Parse("ab");

    private NpgsqlDataSource? _dataSource;
    private NpgsqlDataSource? _ownerDataSource;
    private PostgresJourneyStore? _store;
    private string _body = string.Empty;

    public override string Name => name;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // As AddPostgresJourneyStore builds it: pooled connections are not reset when reopened.
        _dataSource = new NpgsqlDataSourceBuilder(connectionString) { ConnectionStringBuilder = { NoResetOnClose = true } }.Build();
        _ownerDataSource = ownerConnectionString is null ? null : NpgsqlDataSource.Create(ownerConnectionString);
        _store = new PostgresJourneyStore(_dataSource, Options.Create(options), TimeProvider.System, NullLogger<PostgresJourneyStore>.Instance, ownerDataSource: _ownerDataSource);
        _body = SampleEvents.ContactBody();
        await _store.MigrateAsync(cancellationToken);
        await CaseloadFill.FillAsync(_store, [Tenant, CaseloadFill.OtherTenant], caseload, cancellationToken);
    }

    public override Task<Func<Task>> CreateWorkerAsync(int worker, CancellationToken cancellationToken)
    {
        var journey = Guid.CreateVersion7();
        var version = 0L;
        return Task.FromResult<Func<Task>>(async () =>
        {
            var now = DateTimeOffset.UtcNow;
            var summary = new JourneySummary("engaged", SampleEvents.Actor, "Marie Tremblay", now, null, false, false, now);
            var append = _store!.AppendAsync(new JourneyAppend(Tenant, journey, version, [new NewEvent("ContactRecorded", _body, Guid.CreateVersion7(), SampleEvents.Actor, now)], summary));
            await (audited ? Task.WhenAll(append, _store.AppendAsync([AuditScenario.Entry(journey, "update")])) : append);
            version++;
        });
    }

    public override Func<string?> BeginMeasurement() => CommitStatistics.Begin(_store!);

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

        if (_ownerDataSource is not null)
        {
            await _ownerDataSource.DisposeAsync();
        }
    }
}
