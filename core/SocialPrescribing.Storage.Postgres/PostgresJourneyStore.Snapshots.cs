using Npgsql;
using NpgsqlTypes;
using SocialPrescribing.Abstractions;
using static SocialPrescribing.Storage.Postgres.PostgresParameters;

namespace SocialPrescribing.Storage.Postgres;

/// <summary>Journey snapshots: an activation reads the latest and the events after it in one round trip.</summary>
public sealed partial class PostgresJourneyStore
{
    public Task<JourneyTail> ReadTailAsync(TenantId tenant, Guid journeyId, string snapshotKind, int eventsBeforeSnapshot, CancellationToken cancellationToken = default)
    {
        JourneySnapshots.ThrowIfInvalidTail(snapshotKind, eventsBeforeSnapshot);
        return RunAsync(async () =>
        {
            // Each statement of the batch sees the data as it was when it began (read committed): a snapshot saved between
            // the two could leave a gap between the snapshot read and the events read. Only a second activation of the
            // journey (a cluster failing over) saves one meanwhile; the read is then repeated.
            while (true)
            {
                var tail = await ReadTailOnceAsync(tenant, journeyId, snapshotKind, eventsBeforeSnapshot, cancellationToken);
                if (tail.Events.Count == 0 || tail.Events[0].Version <= (tail.Snapshot?.Version ?? 0) + 1)
                {
                    return tail;
                }
            }
        }, migrateFirst: true, cancellationToken);
    }

    private async Task<JourneyTail> ReadTailOnceAsync(TenantId tenant, Guid journeyId, string snapshotKind, int eventsBeforeSnapshot, CancellationToken cancellationToken)
    {
        var schema = _sql.QuotedSchema;
        var snapshot = new NpgsqlBatchCommand($"SELECT version, data FROM {schema}.journey_snapshots WHERE tenant = $1 AND journey_id = $2 AND kind = $3");
        var events = new NpgsqlBatchCommand($"""
            SELECT version, event_type, data, command_id, actor, occurred_at FROM {schema}.journey_events
            WHERE tenant = $1 AND journey_id = $2
              AND version > coalesce((SELECT version FROM {schema}.journey_snapshots WHERE tenant = $1 AND journey_id = $2 AND kind = $3), 0) - $4
            ORDER BY version
            """);
        foreach (var statement in new[] { snapshot, events })
        {
            statement.Parameters.Add(Text(tenant.Value));
            statement.Parameters.Add(Uuid(journeyId));
            statement.Parameters.Add(Text(snapshotKind));
        }

        events.Parameters.Add(BigInt(eventsBeforeSnapshot));
        await using var batch = PostgresTenantScope.Batch(_dataSource, PostgresTenantScope.For(tenant), snapshot, events);
        await using var reader = await PostgresTenantScope.ReadAsync(batch, cancellationToken);
        var kept = await reader.ReadAsync(cancellationToken)
            ? new JourneySnapshot(snapshotKind, reader.GetInt64(0), reader.GetFieldValue<byte[]>(1))
            : null;
        await reader.NextResultAsync(cancellationToken);
        return new JourneyTail(kept, await ReadEventRowsAsync(reader, cancellationToken));
    }

    public Task SaveSnapshotAsync(TenantId tenant, Guid journeyId, JourneySnapshot snapshot, CancellationToken cancellationToken = default)
    {
        JourneySnapshots.ThrowIfInvalid(snapshot);
        return RunAsync(async () =>
        {
            var schema = _sql.QuotedSchema;
            var save = new NpgsqlBatchCommand($"""
                INSERT INTO {schema}.journey_snapshots AS kept (tenant, journey_id, kind, version, data)
                VALUES ($1, $2, $3, $4, $5)
                ON CONFLICT (tenant, journey_id) DO UPDATE
                SET kind = excluded.kind, version = excluded.version, data = excluded.data, taken_at = now()
                WHERE kept.kind <> excluded.kind OR kept.version <= excluded.version
                """);
            save.Parameters.Add(Text(tenant.Value));
            save.Parameters.Add(Uuid(journeyId));
            save.Parameters.Add(Text(snapshot.Kind));
            save.Parameters.Add(BigInt(snapshot.Version));
            save.Parameters.Add(new NpgsqlParameter { Value = snapshot.Data, NpgsqlDbType = NpgsqlDbType.Bytea });
            await using var batch = PostgresTenantScope.Batch(_dataSource, PostgresTenantScope.For(tenant), save);
            await batch.ExecuteNonQueryAsync(cancellationToken);
            return true;
        }, migrateFirst: true, cancellationToken);
    }
}
