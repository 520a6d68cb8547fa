namespace SocialPrescribing.Storage;

/// <summary>
/// A place in a store's ordered feed of committed events. <see cref="Transaction"/> orders events by the
/// transaction that committed them (PostgreSQL's 64-bit transaction id; always 0 on SQLite, whose writers take
/// turns), and <see cref="Sequence"/> orders them within it.
/// </summary>
public readonly record struct FeedPosition(long Transaction, long Sequence) : IComparable<FeedPosition>
{
    /// <summary>Before the first event.</summary>
    public static readonly FeedPosition Start = new(0, 0);

    public int CompareTo(FeedPosition other) =>
        Transaction != other.Transaction ? Transaction.CompareTo(other.Transaction) : Sequence.CompareTo(other.Sequence);

    public static bool operator <(FeedPosition left, FeedPosition right) => left.CompareTo(right) < 0;

    public static bool operator >(FeedPosition left, FeedPosition right) => left.CompareTo(right) > 0;

    public static bool operator <=(FeedPosition left, FeedPosition right) => left.CompareTo(right) <= 0;

    public static bool operator >=(FeedPosition left, FeedPosition right) => left.CompareTo(right) >= 0;

    public override string ToString() => $"{Transaction}:{Sequence}";
}
