using SocialPrescribing.Storage;

namespace SocialPrescribing.Grains.Projections;

/// <summary>
/// An asynchronous projection that counts: it catches up from the event feed behind the commands, under a durable
/// checkpoint of its own (<see cref="AsyncProjectionRunner"/>), and the counts it gives are written with that checkpoint
/// in one transaction (<see cref="IProjectionTallies"/>), so each committed event is counted once. Unlike the inline
/// caseload projection it never slows a command, and it lags the streams by about a poll interval.
/// </summary>
public interface ITallyProjection
{
    /// <summary>The projection's name: 1 to 53 characters of a-z, 0-9, '.', '_' and '-'; <c>projections rebuild --name</c> takes it.</summary>
    string Name { get; }

    /// <summary>The event types it counts from, or null for every type; the checkpoint moves past the others unread.</summary>
    IReadOnlySet<string>? EventTypes { get; }

    /// <summary>What <paramref name="events"/> (in feed order) add to the tallies. Pure: the same events always give the same changes.</summary>
    IEnumerable<TallyChange> Tally(IReadOnlyList<FeedEvent> events);
}
