using Npgsql;

namespace SocialPrescribing.Benchmarks;

/// <summary>
/// The baseline: what a hand-written writer gets from PostgreSQL with one transaction per event. Each worker
/// holds its own connection and a prepared single-row <c>INSERT</c> into a table shaped like the journey
/// events, executed outside any explicit transaction, so each insert is committed (and flushed) on its own
/// in one round trip: the cheapest way to make each event durable separately.
/// </summary>
internal sealed class RawNpgsqlScenario(string connectionString) : LoadScenario
{
    /// <summary>The row label, which the other rows are compared with.</summary>
    public const string Label = "raw Npgsql: INSERT + COMMIT per event";

    private const string Table = "raw_baseline.events";

    private readonly List<NpgsqlConnection> _connections = [];
    private NpgsqlDataSource? _dataSource;
    private string _body = string.Empty;

    public override string Name => Label;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        _dataSource = NpgsqlDataSource.Create(connectionString);
        _body = SampleEvents.ContactBody();
        await using var create = _dataSource.CreateCommand($"""
            CREATE SCHEMA IF NOT EXISTS raw_baseline;
            DROP TABLE IF EXISTS {Table};
            CREATE TABLE {Table} (
                tenant text NOT NULL, journey_id uuid NOT NULL, version bigint NOT NULL, event_type text NOT NULL,
                data text NOT NULL, command_id uuid NOT NULL, actor text NOT NULL, occurred_at timestamptz NOT NULL,
                PRIMARY KEY (tenant, journey_id, version))
            """);
        await create.ExecuteNonQueryAsync(cancellationToken);
    }

    public override async Task<Func<Task>> CreateWorkerAsync(int worker, CancellationToken cancellationToken)
    {
        var connection = await _dataSource!.OpenConnectionAsync(cancellationToken);
        lock (_connections)
        {
            _connections.Add(connection);
        }

        var insert = new NpgsqlCommand(
            $"INSERT INTO {Table} (tenant, journey_id, version, event_type, data, command_id, actor, occurred_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            connection);
        var version = new NpgsqlParameter<long>();
        var commandId = new NpgsqlParameter<Guid>();
        var occurredAt = new NpgsqlParameter<DateTimeOffset>();
        insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = "ab" });
        insert.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = Guid.CreateVersion7() });
        insert.Parameters.Add(version);
        insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = "ContactRecorded" });
        insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _body });
        insert.Parameters.Add(commandId);
        insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = SampleEvents.Actor });
        insert.Parameters.Add(occurredAt);
        await insert.PrepareAsync(cancellationToken);

        return async () =>
        {
            version.TypedValue++;
            commandId.TypedValue = Guid.CreateVersion7();
            occurredAt.TypedValue = DateTimeOffset.UtcNow;
            await insert.ExecuteNonQueryAsync();
        };
    }

    public override async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections)
        {
            await connection.DisposeAsync();
        }

        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
        }
    }
}
