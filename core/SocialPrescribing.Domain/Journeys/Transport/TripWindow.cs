namespace SocialPrescribing.Domain.Journeys.Transport;

/// <summary>A span of time a pickup should happen in.</summary>
[GenerateSerializer, Immutable, Alias("sp.TripWindow")]
public sealed record TripWindow(
    [property: Id(0)] DateTimeOffset Start,
    [property: Id(1)] DateTimeOffset End);
