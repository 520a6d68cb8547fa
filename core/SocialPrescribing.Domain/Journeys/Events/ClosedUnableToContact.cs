namespace SocialPrescribing.Domain.Journeys.Events;

/// <summary>The journey closed because the person could not be reached.</summary>
[GenerateSerializer, Immutable, Alias("sp.ClosedUnableToContact")]
public sealed record ClosedUnableToContact(
    [property: Id(0)] string Reason) : JourneyEvent;
