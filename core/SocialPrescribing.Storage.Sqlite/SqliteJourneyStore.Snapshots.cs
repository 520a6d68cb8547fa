using SocialPrescribing.Abstractions;

namespace SocialPrescribing.Storage.Sqlite;

/// <summary>Journey snapshots: an activation reads the latest and the events after it on one connection.</summary>
public sealed partial class SqliteJourneyStore
{
    public Task<JourneyTail> ReadTailAsync(TenantId tenant, Guid journeyId, string snapshotKind, int eventsBeforeSnapshot, CancellationToken cancellationToken = default)
    {
        JourneySnapshots.ThrowIfInvalidTail(snapshotKind, eventsBeforeSnapshot);
        return RunAsync(async () =>
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var tx = connection.BeginTransaction(deferred: true);
            await using var snapshot = connection.CreateCommand();
            snapshot.Transaction = tx;
            snapshot.CommandText = "SELECT version, data FROM journey_snapshots WHERE tenant = $tenant AND journey_id = $journey AND kind = $kind";
            snapshot.Parameters.AddWithValue("$tenant", tenant.Value);
            snapshot.Parameters.AddWithValue("$journey", Key(journeyId));
            snapshot.Parameters.AddWithValue("$kind", snapshotKind);
            JourneySnapshot? kept = null;
            await using (var reader = await snapshot.ExecuteReaderAsync(cancellationToken))
            {
                if (await reader.ReadAsync(cancellationToken))
                {
                    kept = new JourneySnapshot(snapshotKind, reader.GetInt64(0), (byte[])reader.GetValue(1));
                }
            }

            // In the same read transaction as the snapshot: a snapshot saved between the two reads cannot leave a gap.
            await using var events = connection.CreateCommand();
            events.Transaction = tx;
            events.CommandText = """
                SELECT version, event_type, data, command_id, actor, occurred_at
                FROM journey_events WHERE tenant = $tenant AND journey_id = $journey AND version > $after ORDER BY version
                """;
            events.Parameters.AddWithValue("$tenant", tenant.Value);
            events.Parameters.AddWithValue("$journey", Key(journeyId));
            events.Parameters.AddWithValue("$after", kept is null ? 0 : Math.Max(0, kept.Version - eventsBeforeSnapshot));
            return new JourneyTail(kept, await ReadEventsAsync(events, cancellationToken));
        });
    }

    public Task SaveSnapshotAsync(TenantId tenant, Guid journeyId, JourneySnapshot snapshot, CancellationToken cancellationToken = default)
    {
        JourneySnapshots.ThrowIfInvalid(snapshot);
        return RunAsync(async () =>
        {
            await using var connection = await OpenAsync(cancellationToken);
            await _writeGate.WaitAsync(cancellationToken);
            try
            {
                await using var save = connection.CreateCommand();
                save.CommandText = """
                    INSERT INTO journey_snapshots AS kept (tenant, journey_id, kind, version, data, taken_at)
                    VALUES ($tenant, $journey, $kind, $version, $data, $at)
                    ON CONFLICT (tenant, journey_id) DO UPDATE
                    SET kind = excluded.kind, version = excluded.version, data = excluded.data, taken_at = excluded.taken_at
                    WHERE kept.kind <> excluded.kind OR kept.version <= excluded.version
                    """;
                save.Parameters.AddWithValue("$tenant", tenant.Value);
                save.Parameters.AddWithValue("$journey", Key(journeyId));
                save.Parameters.AddWithValue("$kind", snapshot.Kind);
                save.Parameters.AddWithValue("$version", snapshot.Version);
                save.Parameters.AddWithValue("$data", snapshot.Data.ToArray());
                save.Parameters.AddWithValue("$at", Text(_time.GetUtcNow()));
                await save.ExecuteNonQueryAsync(cancellationToken);
            }
            finally
            {
                _writeGate.Release();
            }
        });
    }
}
