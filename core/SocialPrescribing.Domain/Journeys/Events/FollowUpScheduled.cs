namespace SocialPrescribing.Domain.Journeys.Events;

/// <summary>A follow-up contact was planned for a date.</summary>
[GenerateSerializer, Immutable, Alias("sp.FollowUpScheduled")]
public sealed record FollowUpScheduled(
    [property: Id(0)] Guid FollowUpId,
    [property: Id(1)] DateOnly DueOn) : JourneyEvent;
