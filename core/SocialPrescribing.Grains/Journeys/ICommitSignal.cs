namespace SocialPrescribing.Grains.Journeys;

/// <summary>
/// Told after every commit, with the types of the events committed, so the reactions consumer reads the feed straight
/// away when one of them calls for a reaction rather than at its next poll. A hint only: the feed, not this signal, is
/// what guarantees that every committed event is reacted to.
/// </summary>
public interface ICommitSignal
{
    void Committed(IEnumerable<string> eventTypes);
}
