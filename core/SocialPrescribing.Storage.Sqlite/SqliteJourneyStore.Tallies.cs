using SocialPrescribing.Abstractions;

namespace SocialPrescribing.Storage.Sqlite;

/// <summary>The asynchronous projections' tallies, written in the transaction that moves the projection's checkpoint.</summary>
public sealed partial class SqliteJourneyStore : IProjectionTallies
{
    public Task<int> TallyAsync(
        string projection, int max, IReadOnlySet<string>? only, Func<IReadOnlyList<FeedEvent>, IEnumerable<TallyChange>> tally, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tally);
        return ConsumeWithinAsync(FeedConsumers.Projection(projection), max, only, null, async (events, connection, tx, token) =>
        {
            foreach (var change in TallyChanges.Sum(tally(events)))
            {
                await using var add = connection.CreateCommand();
                add.Transaction = tx;
                add.CommandText = """
                    INSERT INTO projection_tallies (tenant, projection, day, key, count) VALUES ($tenant, $projection, $day, $key, $delta)
                    ON CONFLICT (tenant, projection, day, key) DO UPDATE SET count = count + excluded.count
                    """;
                add.Parameters.AddWithValue("$tenant", change.Tenant.Value);
                add.Parameters.AddWithValue("$projection", projection);
                add.Parameters.AddWithValue("$day", Text(change.Day));
                add.Parameters.AddWithValue("$key", change.Key);
                add.Parameters.AddWithValue("$delta", change.Delta);
                await add.ExecuteNonQueryAsync(token);
            }
        }, cancellationToken);
    }

    public Task<IReadOnlyList<TallyRow>> ReadTalliesAsync(TenantId tenant, string projection, DateOnly first, DateOnly last, CancellationToken cancellationToken = default)
    {
        FeedConsumers.Check(FeedConsumers.Projection(projection));
        return RunAsync<IReadOnlyList<TallyRow>>(async () =>
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT day, key, count FROM projection_tallies
                WHERE tenant = $tenant AND projection = $projection AND day BETWEEN $first AND $last
                ORDER BY day, key
                """;
            command.Parameters.AddWithValue("$tenant", tenant.Value);
            command.Parameters.AddWithValue("$projection", projection);
            command.Parameters.AddWithValue("$first", Text(first));
            command.Parameters.AddWithValue("$last", Text(last));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var rows = new List<TallyRow>();
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(new TallyRow(Day(reader.GetString(0)), reader.GetString(1), reader.GetInt64(2)));
            }

            return rows;
        });
    }

    public async Task ClearTalliesAsync(string projection, CancellationToken cancellationToken = default)
    {
        var consumer = FeedConsumers.Projection(projection);

        // The consumer's lease first, so this process adds nothing to the tallies while they are cleared.
        var lease = _consumers.GetOrAdd(consumer, _ => new SemaphoreSlim(1, 1));
        await lease.WaitAsync(cancellationToken);
        try
        {
            await SaveCheckpointAsync(consumer, FeedPosition.Start, async (connection, tx, token) =>
            {
                await using var clear = connection.CreateCommand();
                clear.Transaction = tx;
                clear.CommandText = "DELETE FROM projection_tallies WHERE projection = $projection";
                clear.Parameters.AddWithValue("$projection", projection);
                await clear.ExecuteNonQueryAsync(token);
            }, cancellationToken);
        }
        finally
        {
            lease.Release();
        }
    }
}
