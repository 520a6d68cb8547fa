namespace SocialPrescribing.Storage;

/// <summary>
/// Group commit for audit appends (<see cref="GroupCommitQueue{T}"/>): auditing every read costs one commit per batch
/// rather than one per read. A batch that fails fails all its callers with the same exception and stores nothing:
/// entries are validated before they queue, so a failure is the database's, not one caller's.
/// </summary>
internal sealed class AuditAppendQueue
{
    private readonly GroupCommitQueue<IReadOnlyList<AuditEntry>> _queue;

    /// <param name="write">Writes entries of possibly several tenants in one transaction; retries are its own.</param>
    /// <param name="maxEntries">The most entries one batch takes (a single larger append still goes alone).</param>
    /// <param name="queueLimit">How many appends may wait.</param>
    public AuditAppendQueue(Func<IReadOnlyList<AuditEntry>, Task> write, int maxEntries, int queueLimit) =>
        _queue = new GroupCommitQueue<IReadOnlyList<AuditEntry>>(
            async batch =>
            {
                await write(batch.Count == 1 ? batch[0].Item : [.. batch.SelectMany(p => p.Item)]).ConfigureAwait(false);
                foreach (var pending in batch)
                {
                    pending.Commit();
                }
            },
            entries => entries.Count,
            maxEntries,
            queueLimit,
            "The audit log is shutting down.");

    /// <summary>Queues the entries and completes once the transaction holding them has committed.</summary>
    public Task AppendAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken) => _queue.AppendAsync(entries, cancellationToken);

    /// <summary>Refuses new appends and waits until the queued ones have been written.</summary>
    public Task CloseAsync() => _queue.CloseAsync();
}
