using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using SocialPrescribing.Abstractions;

namespace SocialPrescribing.Storage.Sqlite;

/// <summary>
/// The ordered feed on SQLite: events by their position, consumed under checkpoints. The database file belongs to
/// one process, so a consumer's lease is a gate in this process.
/// </summary>
public sealed partial class SqliteJourneyStore : IEventFeed
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _consumers = new(StringComparer.Ordinal);

    public Task<int> ConsumeAsync(string consumer, int max, Func<IReadOnlyList<FeedEvent>, CancellationToken, Task> handle, CancellationToken cancellationToken = default) =>
        ConsumeAsync(consumer, max, null, handle, cancellationToken);

    /// <remarks>The file is local: events are read whole and those not in <paramref name="only"/> passed over here.</remarks>
    public Task<int> ConsumeAsync(
        string consumer, int max, IReadOnlySet<string>? only, Func<IReadOnlyList<FeedEvent>, CancellationToken, Task> handle, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(handle);
        return ConsumeWithinAsync(consumer, max, only, handle, null, cancellationToken);
    }

    /// <summary>
    /// The feed's consumption: <paramref name="handle"/> runs before the checkpoint moves; <paramref name="write"/>, when
    /// given, runs in the transaction that moves it, so what it writes commits with the checkpoint or not at all.
    /// </summary>
    private async Task<int> ConsumeWithinAsync(
        string consumer, int max, IReadOnlySet<string>? only, Func<IReadOnlyList<FeedEvent>, CancellationToken, Task>? handle,
        Func<IReadOnlyList<FeedEvent>, SqliteConnection, SqliteTransaction, CancellationToken, Task>? write, CancellationToken cancellationToken)
    {
        FeedConsumers.Check(consumer);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        var lease = _consumers.GetOrAdd(consumer, _ => new SemaphoreSlim(1, 1));
        if (!await lease.WaitAsync(0, cancellationToken))
        {
            return 0;
        }

        try
        {
            var from = await CheckpointAsync(consumer, cancellationToken) ?? FeedPosition.Start;
            var events = await RunAsync<IReadOnlyList<FeedEvent>>(async () =>
            {
                await using var connection = await OpenAsync(cancellationToken);
                await using var command = connection.CreateCommand();
                command.CommandText = """
                    SELECT position, tenant, journey_id, version, event_type, data, command_id, actor, occurred_at
                    FROM journey_events WHERE position > $after ORDER BY position LIMIT $max
                    """;
                command.Parameters.AddWithValue("$after", from.Sequence);
                command.Parameters.AddWithValue("$max", max);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                var read = new List<FeedEvent>();
                while (await reader.ReadAsync(cancellationToken))
                {
                    read.Add(new FeedEvent(
                        new FeedPosition(0, reader.GetInt64(0)),
                        TenantId.Parse(reader.GetString(1)),
                        Guid.Parse(reader.GetString(2)),
                        new StoredEvent(reader.GetInt64(3), reader.GetString(4), reader.GetString(5), Guid.Parse(reader.GetString(6)), reader.GetString(7), Time(reader.GetString(8)))));
                }

                return read;
            });
            if (events.Count == 0)
            {
                return 0;
            }

            var wanted = only is null ? events : [.. events.Where(e => only.Contains(e.Event.Type))];
            if (wanted.Count > 0 && handle is not null)
            {
                await handle(wanted, cancellationToken);
            }

            await SaveCheckpointAsync(consumer, events[^1].Position, wanted.Count > 0 ? write is null ? null : (connection, tx, token) => write(wanted, connection, tx, token) : null, cancellationToken);
            return events.Count == max ? max : wanted.Count;
        }
        finally
        {
            lease.Release();
        }
    }

    public Task<FeedPosition?> CheckpointAsync(string consumer, CancellationToken cancellationToken = default)
    {
        FeedConsumers.Check(consumer);
        return RunAsync(async () =>
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT position FROM feed_checkpoints WHERE consumer = $consumer";
            command.Parameters.AddWithValue("$consumer", consumer);
            return await command.ExecuteScalarAsync(cancellationToken) is long position ? new FeedPosition(0, position) : (FeedPosition?)null;
        });
    }

    public Task ResetAsync(string consumer, FeedPosition position, CancellationToken cancellationToken = default)
    {
        FeedConsumers.Check(consumer);
        return SaveCheckpointAsync(consumer, position, null, cancellationToken);
    }

    /// <summary>Moves <paramref name="consumer"/>'s checkpoint, in one transaction with what <paramref name="write"/> writes first.</summary>
    private Task SaveCheckpointAsync(
        string consumer, FeedPosition position, Func<SqliteConnection, SqliteTransaction, CancellationToken, Task>? write, CancellationToken cancellationToken) =>
        RunAsync(async () =>
        {
            await using var connection = await OpenAsync(cancellationToken);
            await _writeGate.WaitAsync(cancellationToken);
            try
            {
                await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
                if (write is not null)
                {
                    await write(connection, tx, cancellationToken);
                }

                await using var command = connection.CreateCommand();
                command.Transaction = tx;
                command.CommandText = """
                    INSERT INTO feed_checkpoints (consumer, position, updated_at) VALUES ($consumer, $position, $at)
                    ON CONFLICT (consumer) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at
                    """;
                command.Parameters.AddWithValue("$consumer", consumer);
                command.Parameters.AddWithValue("$position", position.Sequence);
                command.Parameters.AddWithValue("$at", Text(_time.GetUtcNow()));
                await command.ExecuteNonQueryAsync(cancellationToken);
                await tx.CommitAsync(cancellationToken);
            }
            finally
            {
                _writeGate.Release();
            }
        });

    public Task<FeedPosition> HeadAsync(CancellationToken cancellationToken = default) =>
        RunAsync(async () =>
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT COALESCE(MAX(position), 0) FROM journey_events";
            return new FeedPosition(0, (long)(await command.ExecuteScalarAsync(cancellationToken))!);
        });
}
