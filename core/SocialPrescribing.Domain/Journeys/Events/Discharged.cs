namespace SocialPrescribing.Domain.Journeys.Events;

/// <summary>The person left the program after being engaged; the referrer is told.</summary>
[GenerateSerializer, Immutable, Alias("sp.Discharged")]
public sealed record Discharged(
    [property: Id(0)] string Reason) : JourneyEvent;
