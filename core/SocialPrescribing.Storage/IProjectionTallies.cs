using SocialPrescribing.Abstractions;

namespace SocialPrescribing.Storage;

/// <summary>A change an asynchronous projection makes to one of its tallies: add <see cref="Delta"/> to the count of <see cref="Key"/> on <see cref="Day"/>.</summary>
public readonly record struct TallyChange(TenantId Tenant, DateOnly Day, string Key, long Delta);

/// <summary>One tally of a projection: the count of <see cref="Key"/> on <see cref="Day"/>.</summary>
public sealed record TallyRow(DateOnly Day, string Key, long Count);

/// <summary>
/// The read model of the asynchronous projections that count: per tenant, per day and per key, a count. A projection
/// consumes the event feed under its own checkpoint, and the counts its events give are written in the same transaction
/// as the checkpoint, so every committed event is counted exactly once however often a host dies mid-way.
/// </summary>
public interface IProjectionTallies
{
    /// <summary>
    /// Reads at most <paramref name="max"/> events after <paramref name="projection"/>'s checkpoint (only those of the types
    /// in <paramref name="only"/>, every type when null), adds up the changes <paramref name="tally"/> gives for them, and
    /// writes those and the moved checkpoint in one transaction. One process at a time consumes under a name.
    /// </summary>
    /// <returns>As <see cref="IEventFeed.ConsumeAsync(string, int, IReadOnlySet{string}?, Func{IReadOnlyList{FeedEvent}, CancellationToken, Task}, CancellationToken)"/>.</returns>
    Task<int> TallyAsync(string projection, int max, IReadOnlySet<string>? only, Func<IReadOnlyList<FeedEvent>, IEnumerable<TallyChange>> tally, CancellationToken cancellationToken = default);

    /// <summary><paramref name="tenant"/>'s tallies of <paramref name="projection"/> from <paramref name="first"/> to <paramref name="last"/> (both included), by day then key.</summary>
    Task<IReadOnlyList<TallyRow>> ReadTalliesAsync(TenantId tenant, string projection, DateOnly first, DateOnly last, CancellationToken cancellationToken = default);

    /// <summary>Deletes every tally of <paramref name="projection"/> and moves its checkpoint back to the start, in one transaction: the rebuild's first step.</summary>
    Task ClearTalliesAsync(string projection, CancellationToken cancellationToken = default);
}
