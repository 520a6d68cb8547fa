namespace SocialPrescribing.Storage;

/// <summary>
/// A write in a group-commit queue and the caller waiting for it. A writer claims it when it puts it in a batch; a
/// caller that cancels before that abandons it, and the writer then skips it. Once claimed, the caller is told the
/// real outcome: cancelling cannot unsend a commit.
/// </summary>
internal class PendingWrite<T>(T item)
{
    private const int Waiting = 0;
    private const int Claimed = 1;
    private const int Abandoned = 2;

    // Continuations run on the thread pool, not inline on the writer that completes the batch.
    private readonly TaskCompletionSource _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _state;

    /// <summary>What is to be written.</summary>
    public T Item { get; } = item;

    public Task Outcome => _outcome.Task;

    /// <summary>True when this writer now owns the write; false when its caller gave up first.</summary>
    public bool TryClaim() => Interlocked.CompareExchange(ref _state, Claimed, Waiting) == Waiting;

    /// <summary>The caller's cancellation: takes effect only while no writer has claimed the write.</summary>
    public void Abandon(CancellationToken cancellationToken)
    {
        if (Interlocked.CompareExchange(ref _state, Abandoned, Waiting) == Waiting)
        {
            _outcome.TrySetCanceled(cancellationToken);
        }
    }

    public void Commit() => _outcome.TrySetResult();

    public void Fail(Exception exception) => _outcome.TrySetException(exception);
}
