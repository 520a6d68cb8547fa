namespace SocialPrescribing.Storage;

/// <summary>A store's running totals of appends and the transactions that committed them, updated by whichever thread committed.</summary>
internal sealed class AppendCounters
{
    private long _transactions;
    private long _appends;
    private long _conflicts;
    private int _largestBatch;

    /// <summary>One transaction committed holding <paramref name="committed"/> appends and <paramref name="conflicts"/> refused ones.</summary>
    public void Committed(int committed, int conflicts)
    {
        Interlocked.Increment(ref _transactions);
        Interlocked.Add(ref _appends, committed);
        Interlocked.Add(ref _conflicts, conflicts);
        var size = committed + conflicts;
        var largest = Volatile.Read(ref _largestBatch);
        while (size > largest)
        {
            var seen = Interlocked.CompareExchange(ref _largestBatch, size, largest);
            if (seen == largest)
            {
                break;
            }

            largest = seen;
        }
    }

    /// <summary>An append refused without committing anything (the single-statement path rolls back on a conflict).</summary>
    public void Conflicted() => Interlocked.Increment(ref _conflicts);

    public long Transactions => Interlocked.Read(ref _transactions);

    public long Appends => Interlocked.Read(ref _appends);

    public long Conflicts => Interlocked.Read(ref _conflicts);

    /// <summary>The most appends written in one transaction, conflicts included.</summary>
    public int LargestBatch => Volatile.Read(ref _largestBatch);
}
