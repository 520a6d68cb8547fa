namespace SocialPrescribing.Storage;

/// <summary>
/// Entries waiting in an <see cref="AuditAppendQueue"/> and the caller waiting for them. A caller that cancels before a
/// writer claims them withdraws them; once claimed, it is told the real outcome.
/// </summary>
internal sealed class PendingAuditAppend(IReadOnlyList<AuditEntry> entries)
{
    private const int Waiting = 0;
    private const int Claimed = 1;
    private const int Withdrawn = 2;

    private readonly TaskCompletionSource _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _state;

    public IReadOnlyList<AuditEntry> Entries { get; } = entries;

    public Task Outcome => _outcome.Task;

    public bool TryClaim() => Interlocked.CompareExchange(ref _state, Claimed, Waiting) == Waiting;

    public void Withdraw(CancellationToken cancellationToken)
    {
        if (Interlocked.CompareExchange(ref _state, Withdrawn, Waiting) == Waiting)
        {
            _outcome.TrySetCanceled(cancellationToken);
        }
    }

    public void Commit() => _outcome.TrySetResult();

    public void Fail(Exception exception) => _outcome.TrySetException(exception);
}
