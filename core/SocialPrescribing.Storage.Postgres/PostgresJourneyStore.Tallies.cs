using Npgsql;
using SocialPrescribing.Abstractions;
using static SocialPrescribing.Storage.Postgres.PostgresParameters;

namespace SocialPrescribing.Storage.Postgres;

/// <summary>The asynchronous projections' tallies, written in the feed consumer's own transaction.</summary>
public sealed partial class PostgresJourneyStore : IProjectionTallies
{
    public Task<int> TallyAsync(
        string projection, int max, IReadOnlySet<string>? only, Func<IReadOnlyList<FeedEvent>, IEnumerable<TallyChange>> tally, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tally);
        return ConsumeWithinAsync(FeedConsumers.Projection(projection), max, only, async (events, connection, tx, token) =>
        {
            var changes = TallyChanges.Sum(tally(events));
            if (changes.Count == 0)
            {
                return;
            }

            // Every tenant the changes touch is named, as every writer names them; the feed's system scope only reads.
            await using var write = new NpgsqlBatch(connection, tx);
            write.BatchCommands.Add(PostgresTenantScope.For(changes.Select(c => c.Tenant)));
            var add = new NpgsqlBatchCommand(_sql.AddTallies);
            add.Parameters.Add(Text(projection));
            add.Parameters.Add(Array(changes.Select(c => c.Tenant.Value).ToArray()));
            add.Parameters.Add(Array(changes.Select(c => c.Day).ToArray()));
            add.Parameters.Add(Array(changes.Select(c => c.Key).ToArray()));
            add.Parameters.Add(Array(changes.Select(c => c.Delta).ToArray()));
            write.BatchCommands.Add(add);
            await write.ExecuteNonQueryAsync(token);
        }, cancellationToken);
    }

    public Task<IReadOnlyList<TallyRow>> ReadTalliesAsync(TenantId tenant, string projection, DateOnly first, DateOnly last, CancellationToken cancellationToken = default)
    {
        FeedConsumers.Check(FeedConsumers.Projection(projection));
        return RunAsync<IReadOnlyList<TallyRow>>(async () =>
        {
            await using var batch = TenantBatch(tenant, _sql.ReadTallies);
            var read = batch.BatchCommands[^1];
            read.Parameters.Add(Text(projection));
            read.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = first });
            read.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = last });
            await using var reader = await PostgresTenantScope.ReadAsync(batch, cancellationToken);
            var rows = new List<TallyRow>();
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(new TallyRow(reader.GetFieldValue<DateOnly>(0), reader.GetString(1), reader.GetInt64(2)));
            }

            return rows;
        }, migrateFirst: true, cancellationToken);
    }

    public Task ClearTalliesAsync(string projection, CancellationToken cancellationToken = default)
    {
        var consumer = FeedConsumers.Projection(projection);
        return RunAsync(async () =>
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
            await using var tx = await connection.BeginTransactionAsync(cancellationToken);

            // The consumer's lease first, so no host adds to the tallies while they are cleared.
            var lease = new NpgsqlBatchCommand("SELECT pg_advisory_xact_lock(hashtext($1))");
            lease.Parameters.Add(Text($"{_options.Schema}:feed:{consumer}"));
            var which = new NpgsqlBatchCommand(_sql.TallyTenants);
            which.Parameters.Add(Text(projection));
            var tenants = await SystemTenantsAsync(connection, tx, [lease, which], cancellationToken);

            if (tenants.Count > 0)
            {
                await using var clear = new NpgsqlBatch(connection, tx);
                clear.BatchCommands.Add(PostgresTenantScope.For(tenants));
                var delete = new NpgsqlBatchCommand(_sql.ClearTallies);
                delete.Parameters.Add(Text(projection));
                clear.BatchCommands.Add(delete);
                await clear.ExecuteNonQueryAsync(cancellationToken);
            }

            await SaveCheckpointAsync(connection, tx, consumer, FeedPosition.Start, cancellationToken);
            await tx.CommitAsync(cancellationToken);
            return true;
        }, migrateFirst: true, cancellationToken);
    }
}
