namespace SocialPrescribing.Domain.Journeys.Events;

/// <summary>The person ended a lock-box directive.</summary>
[GenerateSerializer, Immutable, Alias("sp.WithheldInformationReleased")]
public sealed record WithheldInformationReleased(
    [property: Id(0)] Guid DirectiveId) : JourneyEvent;
