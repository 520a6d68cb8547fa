using SocialPrescribing.Abstractions;

namespace SocialPrescribing.Storage.Sqlite;

/// <summary>Rebuilding the caseload rows from the streams, in one write transaction.</summary>
public sealed partial class SqliteJourneyStore : IReadModelStore
{
    public Task<int> RebuildCaseloadAsync(Func<IReadOnlyList<StoredEvent>, JourneySummary> project, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(project);
        return RunAsync(async () =>
        {
            await using var connection = await OpenAsync(cancellationToken);
            await _writeGate.WaitAsync(cancellationToken);
            try
            {
                await using var tx = connection.BeginTransaction(deferred: false);
                await using (var clear = connection.CreateCommand())
                {
                    clear.Transaction = tx;
                    clear.CommandText = "DELETE FROM journeys";
                    await clear.ExecuteNonQueryAsync(cancellationToken);
                }

                var streams = new List<(TenantId Tenant, Guid Journey, List<StoredEvent> Events)>();
                await using (var read = connection.CreateCommand())
                {
                    read.Transaction = tx;
                    read.CommandText = """
                        SELECT tenant, journey_id, version, event_type, data, command_id, actor, occurred_at
                        FROM journey_events ORDER BY tenant, journey_id, version
                        """;
                    await using var reader = await read.ExecuteReaderAsync(cancellationToken);
                    while (await reader.ReadAsync(cancellationToken))
                    {
                        var (tenant, journey) = (TenantId.Parse(reader.GetString(0)), Guid.Parse(reader.GetString(1)));
                        if (streams.Count == 0 || streams[^1].Tenant != tenant || streams[^1].Journey != journey)
                        {
                            streams.Add((tenant, journey, []));
                        }

                        streams[^1].Events.Add(new StoredEvent(
                            reader.GetInt64(2), reader.GetString(3), reader.GetString(4), Guid.Parse(reader.GetString(5)), reader.GetString(6), Time(reader.GetString(7))));
                    }
                }

                foreach (var (tenant, journey, events) in streams)
                {
                    await UpsertSummaryAsync(connection, tx, new JourneyAppend(tenant, journey, events.Count, [], project(events)), cancellationToken);
                }

                await tx.CommitAsync(cancellationToken);
                return streams.Count;
            }
            finally
            {
                _writeGate.Release();
            }
        });
    }
}
