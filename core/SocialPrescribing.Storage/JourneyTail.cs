namespace SocialPrescribing.Storage;

/// <summary>
/// What an activation reads: the journey's latest snapshot of the kind asked for (null when there is none), and its
/// events from a few before that snapshot's version onward (every event when there is none), in version order.
/// </summary>
public sealed record JourneyTail(JourneySnapshot? Snapshot, IReadOnlyList<StoredEvent> Events);
