using System.Threading.Channels;

namespace SocialPrescribing.Storage;

/// <summary>
/// Group commit with one writer at a time: callers queue their writes and the writer takes everything queued (up to a
/// batch) and writes it in one transaction of the engine's, so concurrent callers share one commit and one sync to
/// disk. Used where a second writer in the same process would only wait for the first: the audit log (every append
/// of a tenant's chain locks its head) and the embedded engine's journeys (SQLite has one writer per file).
/// </summary>
/// <remarks>
/// <para>
/// There is no timer and no writer thread standing by: a caller that finds no writer at work writes a batch itself
/// at once (a lone write costs what it would alone), then hands what queued meanwhile to a background writer that
/// runs until the queue is empty. Callers that arrive while a batch is written only queue and wait for their outcome:
/// none of them takes a lock or a thread of its own, so the next batch holds all of them.
/// </para>
/// <para>
/// The batch writer tells each write its outcome (<see cref="PendingWrite{T}.Commit"/> or
/// <see cref="PendingWrite{T}.Fail"/>); if it throws, every write of the batch not yet told fails with that exception.
/// The queue is bounded; callers beyond it wait for room.
/// </para>
/// </remarks>
internal sealed class GroupCommitQueue<T>
{
    private readonly Func<IReadOnlyList<PendingWrite<T>>, Task> _write;
    private readonly Func<T, int> _size;
    private readonly Channel<PendingWrite<T>> _queue;
    private readonly int _maxBatch;
    private readonly string _closedMessage;
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _writing;
    private volatile bool _closing;

    /// <param name="write">Writes a batch in one transaction and tells each write its outcome; retries are its own.</param>
    /// <param name="size">What one write counts towards a batch's size.</param>
    /// <param name="maxBatch">The largest batch (a single larger write still goes alone).</param>
    /// <param name="queueLimit">How many writes may wait.</param>
    /// <param name="closedMessage">What a caller is told when it writes after <see cref="CloseAsync"/>.</param>
    public GroupCommitQueue(Func<IReadOnlyList<PendingWrite<T>>, Task> write, Func<T, int> size, int maxBatch, int queueLimit, string closedMessage)
    {
        _write = write;
        _size = size;
        _maxBatch = maxBatch;
        _closedMessage = closedMessage;
        _queue = Channel.CreateBounded<PendingWrite<T>>(new BoundedChannelOptions(queueLimit) { FullMode = BoundedChannelFullMode.Wait });
    }

    /// <summary>Writes waiting for a writer now.</summary>
    public int Queued => _queue.Reader.Count;

    /// <summary>Queues the write and completes once the transaction holding it has committed, or fails with what stopped it.</summary>
    public async Task AppendAsync(T item, CancellationToken cancellationToken)
    {
        var pending = new PendingWrite<T>(item);
        try
        {
            await _queue.Writer.WriteAsync(pending, cancellationToken);
        }
        catch (ChannelClosedException ex)
        {
            throw new StorageUnavailableException(_closedMessage, ex);
        }

        if (TryStartWriting())
        {
            await WriteOneBatchAsync().ConfigureAwait(false);
        }

        using (cancellationToken.Register(static (state, token) => ((PendingWrite<T>)state!).Abandon(token), pending))
        {
            await pending.Outcome;
        }
    }

    /// <summary>Refuses new writes and waits until the queued ones have been written.</summary>
    public async Task CloseAsync()
    {
        _closing = true;
        _queue.Writer.TryComplete();
        if (TryStartWriting())
        {
            await WriteOneBatchAsync().ConfigureAwait(false);
        }

        if (Volatile.Read(ref _writing) > 0 || _queue.Reader.Count > 0)
        {
            await _drained.Task;
        }
    }

    private bool TryStartWriting() => Interlocked.CompareExchange(ref _writing, 1, 0) == 0;

    /// <summary>Stops writing; true when it had to start again because writes queued meanwhile.</summary>
    private bool StopWriting()
    {
        Volatile.Write(ref _writing, 0);
        if (_queue.Reader.Count > 0 && TryStartWriting())
        {
            return true;
        }

        if (_closing && Volatile.Read(ref _writing) == 0)
        {
            _drained.TrySetResult();
        }

        return false;
    }

    private async Task WriteOneBatchAsync()
    {
        await WriteBatchAsync(TakeBatch()).ConfigureAwait(false);
        if (_queue.Reader.Count > 0 || StopWriting())
        {
            // The writer serves every caller from here on, so it must not carry this caller's ambient context.
            using (ExecutionContext.SuppressFlow())
            {
                _ = Task.Run(WriteUntilIdleAsync);
            }
        }
    }

    private async Task WriteUntilIdleAsync()
    {
        do
        {
            while (_queue.Reader.Count > 0)
            {
                await WriteBatchAsync(TakeBatch()).ConfigureAwait(false);
            }
        }
        while (StopWriting());
    }

    /// <summary>Claims up to a batch's worth of queued writes, skipping those whose callers gave up.</summary>
    private List<PendingWrite<T>> TakeBatch()
    {
        var batch = new List<PendingWrite<T>>();
        var size = 0;
        while (size < _maxBatch && _queue.Reader.TryRead(out var next))
        {
            if (next.TryClaim())
            {
                batch.Add(next);
                size += _size(next.Item);
            }
        }

        return batch;
    }

    private async Task WriteBatchAsync(List<PendingWrite<T>> batch)
    {
        if (batch.Count == 0)
        {
            return;
        }

        try
        {
            await _write(batch).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Whatever went wrong belongs to the callers; a writer that threw would strand them.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            // Writes the batch writer has already told keep their outcome.
            foreach (var pending in batch)
            {
                pending.Fail(ex);
            }
        }
    }
}
