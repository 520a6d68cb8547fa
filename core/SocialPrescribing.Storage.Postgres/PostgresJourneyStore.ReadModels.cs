using Npgsql;
using SocialPrescribing.Abstractions;
using static SocialPrescribing.Storage.Postgres.PostgresParameters;

namespace SocialPrescribing.Storage.Postgres;

/// <summary>Rebuilding the caseload rows from the streams.</summary>
public sealed partial class PostgresJourneyStore : IReadModelStore
{
    private const int RebuildStreamsPerPage = 200;

    public Task<int> RebuildCaseloadAsync(Func<IReadOnlyList<StoredEvent>, JourneySummary> project, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(project);
        return RunAsync(async () =>
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
            await using var tx = await connection.BeginTransactionAsync(cancellationToken);

            // A rebuild reads every tenant's streams as the host's system reader, and writes rows only of the tenants
            // it found, named as every writer names them.
            var tenants = await SystemTenantsAsync(
                connection, tx, [new NpgsqlBatchCommand(_sql.LockCaseload), new NpgsqlBatchCommand(_sql.CaseloadTenants)], cancellationToken);

            await using (var clear = new NpgsqlBatch(connection, tx))
            {
                clear.BatchCommands.Add(PostgresTenantScope.For(tenants));
                clear.BatchCommands.Add(new NpgsqlBatchCommand(_sql.ClearCaseload));
                await clear.ExecuteNonQueryAsync(cancellationToken);
            }

            var written = 0;
            var after = (Tenant: string.Empty, Journey: Guid.Empty);
            while (true)
            {
                var streams = await ReadStreamPageAsync(connection, tx, after, cancellationToken);
                foreach (var ((tenant, journey), events) in streams)
                {
                    await using var insert = new NpgsqlCommand(_sql.InsertCaseloadRow, connection, tx);
                    AddCaseloadRow(insert.Parameters, TenantId.Parse(tenant), journey, events.Count, project(events));
                    await insert.ExecuteNonQueryAsync(cancellationToken);
                    written++;
                }

                if (streams.Count < RebuildStreamsPerPage)
                {
                    break;
                }

                after = streams[^1].Stream;
            }

            await tx.CommitAsync(cancellationToken);
            return written;
        }, migrateFirst: true, cancellationToken);
    }

    /// <summary>The next streams after <paramref name="after"/> (by tenant, then journey), each with all its events.</summary>
    private async Task<List<((string Tenant, Guid Journey) Stream, List<StoredEvent> Events)>> ReadStreamPageAsync(
        NpgsqlConnection connection, NpgsqlTransaction tx, (string Tenant, Guid Journey) after, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(_sql.ReadStreamPage, connection, tx);
        command.Parameters.Add(Text(after.Tenant));
        command.Parameters.Add(Uuid(after.Journey));
        command.Parameters.Add(BigInt(RebuildStreamsPerPage));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var streams = new List<((string, Guid) Stream, List<StoredEvent> Events)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var stream = (reader.GetString(0), reader.GetGuid(1));
            if (streams.Count == 0 || streams[^1].Stream != stream)
            {
                streams.Add((stream, []));
            }

            streams[^1].Events.Add(new StoredEvent(
                reader.GetInt64(2), reader.GetString(3), reader.GetString(4), reader.GetGuid(5), reader.GetString(6), reader.GetFieldValue<DateTimeOffset>(7)));
        }

        return streams;
    }

    /// <summary>
    /// Runs <paramref name="statements"/> as the host's system reader, in <paramref name="tx"/>, and returns the tenants
    /// the one whose single column is <c>tenant</c> lists: the first step of a rebuild, which then writes as those tenants.
    /// </summary>
    private static async Task<List<TenantId>> SystemTenantsAsync(
        NpgsqlConnection connection, NpgsqlTransaction tx, IEnumerable<NpgsqlBatchCommand> statements, CancellationToken cancellationToken)
    {
        var tenants = new List<TenantId>();
        await using var find = new NpgsqlBatch(connection, tx);
        find.BatchCommands.Add(PostgresTenantScope.System());
        foreach (var statement in statements)
        {
            find.BatchCommands.Add(statement);
        }

        await using var reader = await find.ExecuteReaderAsync(cancellationToken);
        do
        {
            while (reader.FieldCount == 1 && reader.GetName(0) == "tenant" && await reader.ReadAsync(cancellationToken))
            {
                tenants.Add(TenantId.Parse(reader.GetString(0)));
            }
        }
        while (await reader.NextResultAsync(cancellationToken));
        return tenants;
    }
}
