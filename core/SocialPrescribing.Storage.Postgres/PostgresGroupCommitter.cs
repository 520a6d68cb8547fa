using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace SocialPrescribing.Storage.Postgres;

/// <summary>
/// Group commit: appends from many journeys queue here and are written by a few writers (each holding one of
/// <see cref="PostgresStorageOptions.GroupCommitWriters"/> slots), each taking everything queued up to
/// <see cref="PostgresStorageOptions.GroupCommitMaxBatch"/> and writing it in one round trip as one implicit
/// transaction: one commit, one write-ahead-log flush. Each caller is released when the transaction holding
/// its append has committed.
/// </summary>
/// <remarks>
/// <para>
/// There is no timer. A caller that queues its append and finds a writer slot free writes a batch itself, at
/// once (so a lone append costs what it would without group commit), then hands anything still queued to a
/// background writer that runs until the queue is empty. Batches form only from appends that arrive while
/// every slot is busy waiting for the database. The queue is bounded
/// (<see cref="PostgresStorageOptions.GroupCommitQueueLimit"/>); callers beyond it wait for room.
/// </para>
/// <para>
/// A batch whose appends are all to different streams (the usual case: a journey appends one command at a
/// time) is one statement over arrays, <see cref="PostgresStatements.AppendMany"/>; otherwise it is one
/// statement per append in one <see cref="NpgsqlBatch"/>. Either way each append is guarded as on its own: its
/// events are inserted only if its caseload row moved from the expected version, so a stale append stores
/// nothing, the batch commits for everyone else, and only its caller sees
/// <see cref="StreamVersionConflictException"/>. An error raised by one append's values (class 22 or 23)
/// rolls the whole batch back; the batch is then written one statement per append, the statement that fails
/// names the faulty append, which fails alone, and the rest are written again. Any other error fails every
/// caller of the batch with nothing of it committed (<see cref="StorageUnavailableException"/> when the
/// database is unavailable).
/// </para>
/// <para>
/// Every batch begins by naming the tenants of its appends, and only those, for row-level security
/// (<see cref="PostgresTenantScope"/>), in the same round trip and transaction.
/// </para>
/// <para>
/// Appends are written in (tenant, journey) order, so concurrent batches of the per-append form lock caseload
/// rows in the same order. Two batches can only contend for a row when two writers append to one stream at
/// once (a stale activation during fail-over); a deadlock between them is rolled back and retried whole.
/// </para>
/// </remarks>
internal sealed partial class PostgresGroupCommitter
{
    private static readonly Comparison<PendingAppend> LockOrder = (a, b) =>
    {
        var byTenant = string.CompareOrdinal(a.Append.Tenant.Value, b.Append.Tenant.Value);
        return byTenant != 0 ? byTenant : a.Append.JourneyId.CompareTo(b.Append.JourneyId);
    };

    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgresStatements _sql;
    private readonly AppendCounters _counters;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Channel<PendingAppend> _queue;
    private readonly int _maxWriters;
    private readonly int _maxBatch;
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _writers;
    private volatile bool _closing;

    public PostgresGroupCommitter(
        NpgsqlDataSource dataSource,
        PostgresStatements sql,
        PostgresStorageOptions options,
        AppendCounters counters,
        TimeProvider time,
        ILogger logger)
    {
        _dataSource = dataSource;
        _sql = sql;
        _counters = counters;
        _time = time;
        _logger = logger;
        _maxWriters = options.GroupCommitWriters;
        _maxBatch = options.GroupCommitMaxBatch;
        _queue = Channel.CreateBounded<PendingAppend>(new BoundedChannelOptions(options.GroupCommitQueueLimit)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = false,
            SingleWriter = false,
        });
    }

    /// <summary>Appends waiting for a writer.</summary>
    public int Queued => _queue.Reader.Count;

    /// <summary>
    /// Queues the append (waiting for room when the queue is full) and completes when its batch has
    /// committed, or fails with what stopped it.
    /// </summary>
    public async Task AppendAsync(JourneyAppend append, CancellationToken cancellationToken)
    {
        var pending = new PendingAppend(append);
        try
        {
            await _queue.Writer.WriteAsync(pending, cancellationToken);
        }
        catch (ChannelClosedException ex)
        {
            throw new StorageUnavailableException("The journey store is shutting down.", ex);
        }

        if (TryReserveWriter())
        {
            // A writer slot is free, so nothing is waiting on this caller: it writes one batch itself (its own
            // append and whatever queued with it) instead of waking a thread to do it. A lone append then costs
            // no more thread hops than without group commit.
            await WriteOneBatchAsync().ConfigureAwait(false);
        }

        using (cancellationToken.Register(static (state, token) => ((PendingAppend)state!).Abandon(token), pending))
        {
            await pending.Outcome;
        }
    }

    /// <summary>Refuses new appends and waits until the queued ones have been written.</summary>
    public async Task CloseAsync()
    {
        _closing = true;
        _queue.Writer.TryComplete();
        if (TryReserveWriter())
        {
            await WriteOneBatchAsync().ConfigureAwait(false);
        }

        if (Volatile.Read(ref _writers) > 0 || _queue.Reader.Count > 0)
        {
            await _drained.Task;
        }
    }

    private bool TryReserveWriter()
    {
        var current = Volatile.Read(ref _writers);
        while (current < _maxWriters)
        {
            var seen = Interlocked.CompareExchange(ref _writers, current + 1, current);
            if (seen == current)
            {
                return true;
            }

            current = seen;
        }

        return false;
    }

    /// <summary>With a writer slot reserved: writes one batch, then hands what is still queued to a background writer.</summary>
    private async Task WriteOneBatchAsync()
    {
        var batch = TakeBatch();
        if (batch.Count > 0)
        {
            await WriteBatchAsync(batch).ConfigureAwait(false);
        }

        if (_queue.Reader.Count > 0 || ReleaseWriter())
        {
            // The slot passes to a writer of its own, which carries on until the queue is empty. It serves every
            // caller, so it must not carry this caller's ambient context (activity, Orleans request context).
            using (ExecutionContext.SuppressFlow())
            {
                _ = Task.Run(WriteUntilIdleAsync);
            }
        }
    }

    /// <summary>With a writer slot reserved: writes batches until the queue is empty, then gives the slot back.</summary>
    private async Task WriteUntilIdleAsync()
    {
        while (true)
        {
            var batch = TakeBatch();
            if (batch.Count > 0)
            {
                await WriteBatchAsync(batch).ConfigureAwait(false);
                continue;
            }

            if (!ReleaseWriter())
            {
                return;
            }
        }
    }

    /// <summary>Claims up to a batch's worth of queued appends, skipping those whose callers gave up.</summary>
    private List<PendingAppend> TakeBatch()
    {
        var batch = new List<PendingAppend>(Math.Min(_queue.Reader.Count, _maxBatch));
        while (batch.Count < _maxBatch && _queue.Reader.TryRead(out var next))
        {
            if (next.TryClaim())
            {
                batch.Add(next);
            }
        }

        return batch;
    }

    /// <summary>Gives a writer slot back; true when it had to be taken again because appends are still queued.</summary>
    private bool ReleaseWriter()
    {
        Interlocked.Decrement(ref _writers);

        // An append queued after the last read, while every slot looked busy, found no slot to write with:
        // take one back for it rather than leave it waiting for the next caller.
        if (_queue.Reader.Count > 0 && TryReserveWriter())
        {
            return true;
        }

        if (_closing && Volatile.Read(ref _writers) == 0)
        {
            _drained.TrySetResult();
        }

        return false;
    }

    private async Task WriteBatchAsync(List<PendingAppend> claimed)
    {
        // List.Sort is not stable; appends to one stream must keep their queue order.
        var remaining = claimed.Count == 1
            ? claimed
            : claimed.Select((pending, position) => (pending, position))
                .OrderBy(p => p.pending, Comparer<PendingAppend>.Create(LockOrder))
                .ThenBy(p => p.position)
                .Select(p => p.pending)
                .ToList();

        // Usually every append of a batch is to a different stream (a journey appends one command at a time), and
        // the batch is one statement. Otherwise, and to find out which append the server refused, it is one
        // statement per append, still in one round trip and one transaction.
        var combined = remaining.Count > 1 && !RepeatsAStream(remaining);
        var attempt = 1;
        while (remaining.Count > 0)
        {
            NpgsqlConnection? connection = null;
            NpgsqlBatch? batch = null;
            try
            {
                connection = await _dataSource.OpenConnectionAsync().ConfigureAwait(false);
                if (combined)
                {
                    var moved = await WriteCombinedAsync(connection, remaining).ConfigureAwait(false);
                    Complete(remaining, moved.Contains);
                    return;
                }

                batch = new NpgsqlBatch(connection);
                batch.BatchCommands.Add(PostgresTenantScope.For(remaining.Select(p => p.Append.Tenant)));
                foreach (var pending in remaining)
                {
                    var command = new NpgsqlBatchCommand(_sql.For(pending.Append));
                    PostgresParameters.AddAppend(command.Parameters, pending.Append);
                    batch.BatchCommands.Add(command);
                }

                // No explicit transaction: the batch ends in one Sync, so the server runs it as one implicit
                // transaction and commits it, durably, before answering. Prepared once per pooled connection and
                // reused after that, so the server parses and plans the statements once, not for every batch.
                await batch.PrepareAsync().ConfigureAwait(false);
                await batch.ExecuteNonQueryAsync().ConfigureAwait(false);

                // The events are inserted only when the caseload row moved; no rows means a stale version.
                var written = batch;
                Complete(remaining, i => written.BatchCommands[i + 1].RecordsAffected > 0);
                return;
            }
            catch (PostgresException ex) when (combined && PostgresErrors.IsStatementFault(ex))
            {
                // Nothing was stored, and the one statement cannot say whose values the server refused.
                combined = false;
            }
            catch (PostgresException ex) when (PostgresErrors.IsStatementFault(ex) && FaultyCommand(batch, ex) is var faulty and >= 1)
            {
                // The whole batch was rolled back, and one append is to blame (the batch's first statement is its
                // tenant scope, so append i is statement i + 1): fail it alone, write the rest again.
                LogAppendRefused(ex.SqlState, remaining.Count - 1);
                remaining[faulty - 1].Fail(PostgresErrors.ForAppend(ex));
                remaining.RemoveAt(faulty - 1);
            }
            catch (PostgresException ex) when (PostgresErrors.IsRetryable(ex) && attempt < PostgresErrors.MaxAttempts)
            {
                LogRetrying(ex.SqlState, attempt, remaining.Count);
                await Task.Delay(TimeSpan.FromMilliseconds(20 * attempt), _time).ConfigureAwait(false);
                attempt++;
            }
            catch (NpgsqlException ex) when (PostgresErrors.IsUnavailable(ex))
            {
                LogUnavailable(ex.SqlState ?? "none", remaining.Count);
                FailAll(remaining, new StorageUnavailableException("The journey database is unavailable.", ex));
                return;
            }
#pragma warning disable CA1031 // Whatever went wrong belongs to the callers; a writer that threw would strand them.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                FailAll(remaining, ex);
                return;
            }
            finally
            {
                if (batch is not null)
                {
                    await batch.DisposeAsync().ConfigureAwait(false);
                }

                if (connection is not null)
                {
                    await connection.DisposeAsync().ConfigureAwait(false);
                }
            }
        }
    }

    /// <summary>Writes appends to distinct streams as one statement; returns the positions of those whose stream moved.</summary>
    private async Task<HashSet<int>> WriteCombinedAsync(NpgsqlConnection connection, List<PendingAppend> appends)
    {
        var batch = new NpgsqlBatch(connection);
        await using (batch.ConfigureAwait(false))
        {
            var append = new NpgsqlBatchCommand(_sql.AppendMany);
            PostgresParameters.AddAppends(append.Parameters, [.. appends.Select(p => p.Append)]);
            batch.BatchCommands.Add(PostgresTenantScope.For(appends.Select(p => p.Append.Tenant)));
            batch.BatchCommands.Add(append);
            await batch.PrepareAsync().ConfigureAwait(false);
            var moved = new HashSet<int>();
            var reader = await PostgresTenantScope.ReadAsync(batch, CancellationToken.None).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync().ConfigureAwait(false))
                {
                    moved.Add((int)reader.GetInt64(0) - 1);
                }
            }

            // The reader closes only once the server has answered the end of the implicit transaction: from
            // here on the rows are committed.
            return moved;
        }
    }

    private void Complete(List<PendingAppend> written, Func<int, bool> moved)
    {
        var conflicts = 0;
        for (var i = 0; i < written.Count; i++)
        {
            if (moved(i))
            {
                written[i].Commit();
            }
            else
            {
                conflicts++;
                written[i].Fail(new StreamVersionConflictException(written[i].Append.JourneyId, written[i].Append.ExpectedVersion));
            }
        }

        _counters.Committed(written.Count - conflicts, conflicts);
    }

    private static bool RepeatsAStream(List<PendingAppend> sorted)
    {
        for (var i = 1; i < sorted.Count; i++)
        {
            if (LockOrder(sorted[i - 1], sorted[i]) == 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The position of the statement that raised <paramref name="ex"/>, or -1. The server runs a batch's
    /// statements in order and stops at the first error, so when Npgsql does not name the statement it is the
    /// first one that did not complete.
    /// </summary>
    private static int FaultyCommand(NpgsqlBatch? batch, PostgresException ex)
    {
        if (batch is null)
        {
            return -1;
        }

        if (ex.BatchCommand is { } named)
        {
            return batch.BatchCommands.IndexOf(named);
        }

        for (var i = 0; i < batch.BatchCommands.Count; i++)
        {
            if (batch.BatchCommands[i].StatementType == StatementType.Unknown)
            {
                return i;
            }
        }

        return -1;
    }

    private static void FailAll(List<PendingAppend> appends, Exception exception)
    {
        foreach (var pending in appends)
        {
            pending.Fail(exception);
        }
    }
}
