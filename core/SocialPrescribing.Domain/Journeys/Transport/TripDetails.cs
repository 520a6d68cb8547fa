namespace SocialPrescribing.Domain.Journeys.Transport;

/// <summary>A trip to a community program as the link worker arranged it, with the way back when there is one.</summary>
[GenerateSerializer, Immutable, Alias("sp.TripDetails")]
public sealed record TripDetails(
    [property: Id(0)] TripPlace Pickup,
    [property: Id(1)] TripPlace Destination,
    [property: Id(2)] TripWindow PickupWindow,
    [property: Id(3)] DateTimeOffset? ArriveBy,
    [property: Id(4)] TripWindow? ReturnPickupWindow,
    [property: Id(5)] TripMobility Mobility);
