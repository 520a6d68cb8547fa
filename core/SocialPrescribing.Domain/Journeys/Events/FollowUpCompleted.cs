namespace SocialPrescribing.Domain.Journeys.Events;

/// <summary>A planned follow-up took place.</summary>
[GenerateSerializer, Immutable, Alias("sp.FollowUpCompleted")]
public sealed record FollowUpCompleted(
    [property: Id(0)] Guid FollowUpId,
    [property: Id(1)] string? Notes) : JourneyEvent;
