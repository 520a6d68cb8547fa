namespace SocialPrescribing.Domain.Journeys.Transport;

/// <summary>Where a trip starts or ends: a street address, and the name of the place when it has one.</summary>
[GenerateSerializer, Immutable, Alias("sp.TripPlace")]
public sealed record TripPlace(
    [property: Id(0)] string? Name,
    [property: Id(1)] string Street,
    [property: Id(2)] string Municipality,
    [property: Id(3)] string Province,
    [property: Id(4)] string? PostalCode,
    [property: Id(5)] string? Instructions);
