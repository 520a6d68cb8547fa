using System.Globalization;
using Npgsql;
using SocialPrescribing.Abstractions;
using static SocialPrescribing.Storage.Postgres.PostgresParameters;

namespace SocialPrescribing.Storage.Postgres;

/// <summary>The ordered feed: committed events in (transaction, position) order, consumed under checkpoints.</summary>
public sealed partial class PostgresJourneyStore : IEventFeed
{
    public Task<int> ConsumeAsync(string consumer, int max, Func<IReadOnlyList<FeedEvent>, CancellationToken, Task> handle, CancellationToken cancellationToken = default) =>
        ConsumeAsync(consumer, max, null, handle, cancellationToken);

    public Task<int> ConsumeAsync(
        string consumer, int max, IReadOnlySet<string>? only, Func<IReadOnlyList<FeedEvent>, CancellationToken, Task> handle, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(handle);
        return ConsumeWithinAsync(consumer, max, only, (events, _, _, token) => handle(events, token), cancellationToken);
    }

    /// <summary>
    /// The feed's consumption: <paramref name="handle"/> runs inside the transaction that then moves the checkpoint,
    /// with its connection, so what it writes there commits with the checkpoint or not at all.
    /// </summary>
    private Task<int> ConsumeWithinAsync(
        string consumer, int max, IReadOnlySet<string>? only, Func<IReadOnlyList<FeedEvent>, NpgsqlConnection, NpgsqlTransaction, CancellationToken, Task> handle,
        CancellationToken cancellationToken)
    {
        FeedConsumers.Check(consumer);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        ArgumentNullException.ThrowIfNull(handle);
        return RunAsync(async () =>
        {
            // Repeatable read: the head and the events below it come from one snapshot.
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
            await using var tx = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
            // The feed is every tenant's: the consumer reads it as the host's system reader (see PostgresTenantScope).
            await using (var lease = new NpgsqlBatch(connection, tx))
            {
                var tryLease = new NpgsqlBatchCommand(_sql.TryLeaseConsumer);
                tryLease.Parameters.Add(Text($"{_options.Schema}:feed:{consumer}"));
                lease.BatchCommands.Add(PostgresTenantScope.System());
                lease.BatchCommands.Add(tryLease);
                await using var leased = await PostgresTenantScope.ReadAsync(lease, cancellationToken);
                if (!await leased.ReadAsync(cancellationToken) || !leased.GetBoolean(0))
                {
                    return 0;
                }
            }

            var from = await ReadCheckpointAsync(connection, tx, consumer, cancellationToken) ?? FeedPosition.Start;
            FeedPosition? head = null;
            if (only is not null)
            {
                head = await ReadHeadAsync(connection, tx, becomeSystemReader: false, cancellationToken);
                if (head <= from)
                {
                    return 0;
                }
            }

            var events = new List<FeedEvent>();
            await using (var read = new NpgsqlCommand(only is null ? _sql.ReadFeed : _sql.ReadFeedOfTypes, connection, tx))
            {
                read.Parameters.Add(Text(from.Transaction.ToString(CultureInfo.InvariantCulture)));
                read.Parameters.Add(BigInt(from.Sequence));
                read.Parameters.Add(BigInt(max));
                if (only is not null)
                {
                    read.Parameters.Add(Array(only.ToArray()));
                    read.Parameters.Add(Text(head!.Value.Transaction.ToString(CultureInfo.InvariantCulture)));
                    read.Parameters.Add(BigInt(head.Value.Sequence));
                }

                await using var reader = await read.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    events.Add(new FeedEvent(
                        new FeedPosition(long.Parse(reader.GetString(0), CultureInfo.InvariantCulture), reader.GetInt64(1)),
                        TenantId.Parse(reader.GetString(2)),
                        reader.GetGuid(3),
                        new StoredEvent(reader.GetInt64(4), reader.GetString(5), reader.GetString(6), reader.GetGuid(7), reader.GetString(8), reader.GetFieldValue<DateTimeOffset>(9))));
                }
            }

            // Filtered and short of the limit: every event up to the head has been seen, wanted or not.
            var reached = events.Count == max || head is null ? (events.Count == 0 ? (FeedPosition?)null : events[^1].Position) : head;
            if (reached is not { } to)
            {
                return 0;
            }

            if (events.Count > 0)
            {
                await handle(events, connection, tx, cancellationToken);
            }

            await using (var unflushed = new NpgsqlCommand(_sql.UnflushedCommit, connection, tx))
            {
                await unflushed.ExecuteNonQueryAsync(cancellationToken);
            }

            await SaveCheckpointAsync(connection, tx, consumer, to, cancellationToken);
            await tx.CommitAsync(cancellationToken);
            return events.Count;
        }, migrateFirst: true, cancellationToken);
    }

    /// <summary>The feed's head, in a transaction that already reads as the system reader or, with <paramref name="becomeSystemReader"/>, starts to.</summary>
    private async Task<FeedPosition> ReadHeadAsync(NpgsqlConnection connection, NpgsqlTransaction tx, bool becomeSystemReader, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection, tx);
        if (becomeSystemReader)
        {
            batch.BatchCommands.Add(PostgresTenantScope.System());
        }

        batch.BatchCommands.Add(new NpgsqlBatchCommand(_sql.FeedHead));
        await using var reader = becomeSystemReader ? await PostgresTenantScope.ReadAsync(batch, cancellationToken) : await batch.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new FeedPosition(long.Parse(reader.GetString(0), CultureInfo.InvariantCulture), reader.GetInt64(1))
            : FeedPosition.Start;
    }

    public Task<FeedPosition?> CheckpointAsync(string consumer, CancellationToken cancellationToken = default)
    {
        FeedConsumers.Check(consumer);
        return RunAsync(async () =>
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
            return await ReadCheckpointAsync(connection, null, consumer, cancellationToken);
        }, migrateFirst: true, cancellationToken);
    }

    public Task ResetAsync(string consumer, FeedPosition position, CancellationToken cancellationToken = default)
    {
        FeedConsumers.Check(consumer);
        return RunAsync(async () =>
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
            await SaveCheckpointAsync(connection, null, consumer, position, cancellationToken);
            return true;
        }, migrateFirst: true, cancellationToken);
    }

    public Task<FeedPosition> HeadAsync(CancellationToken cancellationToken = default) =>
        RunAsync(async () =>
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
            await using var tx = await connection.BeginTransactionAsync(cancellationToken);
            return await ReadHeadAsync(connection, tx, becomeSystemReader: true, cancellationToken);
        }, migrateFirst: true, cancellationToken);

    private async Task<FeedPosition?> ReadCheckpointAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, string consumer, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(_sql.ReadCheckpoint, connection, tx);
        command.Parameters.Add(Text(consumer));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new FeedPosition(long.Parse(reader.GetString(0), CultureInfo.InvariantCulture), reader.GetInt64(1))
            : null;
    }

    private async Task SaveCheckpointAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, string consumer, FeedPosition position, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(_sql.SaveCheckpoint, connection, tx);
        command.Parameters.Add(Text(consumer));
        command.Parameters.Add(Text(position.Transaction.ToString(CultureInfo.InvariantCulture)));
        command.Parameters.Add(BigInt(position.Sequence));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
