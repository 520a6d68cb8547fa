namespace SocialPrescribing.Domain.Journeys.Events;

/// <summary>A link worker tried and failed to reach the person.</summary>
[GenerateSerializer, Immutable, Alias("sp.ContactAttempted")]
public sealed record ContactAttempted(
    [property: Id(0)] ContactAttemptOutcome Outcome,
    [property: Id(1)] string? Notes) : JourneyEvent;
