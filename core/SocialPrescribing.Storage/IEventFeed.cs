namespace SocialPrescribing.Storage;

/// <summary>
/// The store's committed journey events in one order that never changes, consumed with durable checkpoints: the
/// outbox that reactions and asynchronous projections run from. A reader never skips an event that a concurrent
/// transaction commits late; it sees it once every transaction before it has finished.
/// </summary>
public interface IEventFeed
{
    /// <summary>
    /// Reads at most <paramref name="max"/> events after <paramref name="consumer"/>'s checkpoint, hands them to
    /// <paramref name="handle"/> in feed order, and moves the checkpoint past them once it returns. One process at a
    /// time consumes under a name (others get 0 until it is done). When <paramref name="handle"/> throws, the
    /// checkpoint stays where it was and the same events come again next time: consumers must be idempotent.
    /// </summary>
    /// <returns>How many events were handled; 0 when there was nothing new or another process holds the consumer.</returns>
    Task<int> ConsumeAsync(string consumer, int max, Func<IReadOnlyList<FeedEvent>, CancellationToken, Task> handle, CancellationToken cancellationToken = default) =>
        ConsumeAsync(consumer, max, null, handle, cancellationToken);

    /// <summary>
    /// <see cref="ConsumeAsync(string, int, Func{IReadOnlyList{FeedEvent}, CancellationToken, Task}, CancellationToken)"/> for a
    /// consumer that acts on few event types: only events of the types in <paramref name="only"/> (every type when null)
    /// are handed over, and the checkpoint moves past the others too. An engine may then find the wanted events without
    /// reading the rest.
    /// </summary>
    /// <returns><paramref name="max"/> when there may be more to read now; otherwise how many events were handed over.</returns>
    Task<int> ConsumeAsync(string consumer, int max, IReadOnlySet<string>? only, Func<IReadOnlyList<FeedEvent>, CancellationToken, Task> handle, CancellationToken cancellationToken = default);

    /// <summary>Where <paramref name="consumer"/> stands, or null when it has never consumed.</summary>
    Task<FeedPosition?> CheckpointAsync(string consumer, CancellationToken cancellationToken = default);

    /// <summary>Moves <paramref name="consumer"/>'s checkpoint to <paramref name="position"/> (for a rebuild, the start).</summary>
    Task ResetAsync(string consumer, FeedPosition position, CancellationToken cancellationToken = default);

    /// <summary>The position of the latest event every transaction before which has finished: what a consumer can reach now.</summary>
    Task<FeedPosition> HeadAsync(CancellationToken cancellationToken = default);
}
