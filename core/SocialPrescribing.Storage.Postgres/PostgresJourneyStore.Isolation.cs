using static SocialPrescribing.Storage.Postgres.PostgresParameters;

namespace SocialPrescribing.Storage.Postgres;

/// <summary>The start-up check that row-level security actually binds the application's role.</summary>
public sealed partial class PostgresJourneyStore
{
    /// <summary>
    /// Asks the server, as the application's role, whether row-level security binds it on every tenant table. The host
    /// warns about what it finds, and refuses to start in Production when it is not <see cref="PostgresIsolationReport.Enforced"/>.
    /// </summary>
    public Task<PostgresIsolationReport> CheckIsolationAsync(CancellationToken cancellationToken = default) =>
        RunAsync(async () =>
        {
            await using var command = _dataSource.CreateCommand(_sql.Isolation);
            command.Parameters.Add(Text(_options.Schema));
            command.Parameters.Add(Array(PostgresMigrations.TenantTables.Select(t => t.Name).ToArray()));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            return new PostgresIsolationReport(
                reader.GetString(0), reader.GetBoolean(1), reader.GetBoolean(2), reader.GetFieldValue<string[]>(3), reader.GetFieldValue<string[]>(4));
        }, migrateFirst: true, cancellationToken);
}
