using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using SocialPrescribing.Abstractions;
using SocialPrescribing.Storage;
using SocialPrescribing.Storage.Postgres;
using SocialPrescribing.Testing.Postgres;

namespace SocialPrescribing.Benchmarks;

/// <summary>
/// The store's own append statement (<see cref="PostgresStatements.ContinueStreamWithOneEvent"/>: the caseload row moved, one
/// event inserted) executed as the raw baseline executes its INSERT: one connection per worker, prepared once, no
/// store code around it. Separates what the statement costs the server from what the store's code costs.
/// </summary>
internal sealed class StoreSqlScenario(string connectionString) : LoadScenario
{
    private static readonly TenantId Tenant = TenantId.Parse("ab");
    private readonly string _schema = PostgresServer.UniqueName("probe_sql");
    private readonly List<NpgsqlConnection> _connections = [];
    private NpgsqlDataSource? _dataSource;
    private PostgresJourneyStore? _store;
    private string _body = string.Empty;

    public override string Name => "probe: the store's append statement alone";

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        _dataSource = NpgsqlDataSource.Create(connectionString);
        _store = new PostgresJourneyStore(_dataSource, Options.Create(new PostgresStorageOptions { Schema = _schema }), TimeProvider.System, NullLogger<PostgresJourneyStore>.Instance);
        await _store.MigrateAsync(cancellationToken);
        _body = SampleEvents.ContactBody();
    }

    public override async Task<Func<Task>> CreateWorkerAsync(int worker, CancellationToken cancellationToken)
    {
        var journey = Guid.CreateVersion7();
        var version = 0L;
        await _store!.AppendAsync(Next(), cancellationToken);
        version++;

        var connection = await _dataSource!.OpenConnectionAsync(cancellationToken);
        lock (_connections)
        {
            _connections.Add(connection);
        }

        var command = new NpgsqlCommand(new PostgresStatements(_schema).ContinueStreamWithOneEvent, connection);
        PostgresParameters.AddAppend(command.Parameters, Next());
        await command.PrepareAsync(cancellationToken);

        return async () =>
        {
            command.Parameters.Clear();
            PostgresParameters.AddAppend(command.Parameters, Next());
            if (await command.ExecuteNonQueryAsync() != 1)
            {
                throw new InvalidOperationException("The append statement stored nothing.");
            }

            version++;
        };

        JourneyAppend Next()
        {
            var now = DateTimeOffset.UtcNow;
            var summary = new JourneySummary("engaged", SampleEvents.Actor, "Marie Tremblay", now, null, false, false, now);
            return new JourneyAppend(Tenant, journey, version, [new NewEvent("ContactRecorded", _body, Guid.CreateVersion7(), SampleEvents.Actor, now)], summary);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections)
        {
            await connection.DisposeAsync();
        }

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
