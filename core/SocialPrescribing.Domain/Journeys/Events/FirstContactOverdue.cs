namespace SocialPrescribing.Domain.Journeys.Events;

/// <summary>No contact was recorded by the tenant's first-contact deadline.</summary>
[GenerateSerializer, Immutable, Alias("sp.FirstContactOverdue")]
public sealed record FirstContactOverdue(
    [property: Id(0)] DateTimeOffset DueAt) : JourneyEvent;
