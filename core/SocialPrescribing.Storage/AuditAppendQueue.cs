using System.Threading.Channels;
using PendingEntries = SocialPrescribing.Storage.PendingWrite<System.Collections.Generic.IReadOnlyList<SocialPrescribing.Storage.AuditEntry>>;

namespace SocialPrescribing.Storage;

/// <summary>
/// Group commit for audit appends: callers queue their entries and one writer at a time writes everything queued (up
/// to a batch) in one transaction of the engine's, so auditing every read costs one commit per batch rather than one
/// per read. Every append of a tenant's chain must lock its head anyway, so a second writer in the same process would
/// only wait for the first.
/// </summary>
/// <remarks>
/// There is no timer: a caller that finds no writer at work writes a batch itself at once (a lone append costs what
/// it would alone), then hands what queued meanwhile to a background writer that runs until the queue is empty.
/// A batch that fails fails all its callers with the same exception and stores nothing: entries are validated before
/// they queue, so a failure is the database's, not one caller's. The queue is bounded; callers beyond it wait.
/// </remarks>
internal sealed class AuditAppendQueue
{
    private readonly Func<IReadOnlyList<AuditEntry>, Task> _write;
    private readonly Channel<PendingEntries> _queue;
    private readonly int _maxEntries;
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _writing;
    private volatile bool _closing;

    /// <param name="write">Writes entries of possibly several tenants in one transaction; retries are its own.</param>
    /// <param name="maxEntries">The most entries one batch takes (a single larger append still goes alone).</param>
    /// <param name="queueLimit">How many appends may wait.</param>
    public AuditAppendQueue(Func<IReadOnlyList<AuditEntry>, Task> write, int maxEntries, int queueLimit)
    {
        _write = write;
        _maxEntries = maxEntries;
        _queue = Channel.CreateBounded<PendingEntries>(new BoundedChannelOptions(queueLimit) { FullMode = BoundedChannelFullMode.Wait });
    }

    /// <summary>Queues the entries and completes once the transaction holding them has committed.</summary>
    public async Task AppendAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        var pending = new PendingEntries(entries);
        try
        {
            await _queue.Writer.WriteAsync(pending, cancellationToken);
        }
        catch (ChannelClosedException ex)
        {
            throw new StorageUnavailableException("The audit log is shutting down.", ex);
        }

        if (TryStartWriting())
        {
            await WriteOneBatchAsync().ConfigureAwait(false);
        }

        using (cancellationToken.Register(static (state, token) => ((PendingEntries)state!).Abandon(token), pending))
        {
            await pending.Outcome;
        }
    }

    /// <summary>Refuses new appends and waits until the queued ones have been written.</summary>
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

    /// <summary>Stops writing; true when it had to start again because appends queued meanwhile.</summary>
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

    private List<PendingEntries> TakeBatch()
    {
        var batch = new List<PendingEntries>();
        var entries = 0;
        while (entries < _maxEntries && _queue.Reader.TryRead(out var next))
        {
            if (next.TryClaim())
            {
                batch.Add(next);
                entries += next.Item.Count;
            }
        }

        return batch;
    }

    private async Task WriteBatchAsync(List<PendingEntries> batch)
    {
        if (batch.Count == 0)
        {
            return;
        }

        try
        {
            await _write(batch.Count == 1 ? batch[0].Item : [.. batch.SelectMany(p => p.Item)]).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Whatever went wrong belongs to the callers; a writer that threw would strand them.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            foreach (var pending in batch)
            {
                pending.Fail(ex);
            }

            return;
        }

        foreach (var pending in batch)
        {
            pending.Commit();
        }
    }
}
