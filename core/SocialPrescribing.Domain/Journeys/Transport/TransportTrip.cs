namespace SocialPrescribing.Domain.Journeys.Transport;

/// <summary>A trip on a journey, folded from its events.</summary>
[GenerateSerializer, Immutable, Alias("sp.TransportTrip")]
public sealed record TransportTrip(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Partner,
    [property: Id(2)] TripDetails Details,
    [property: Id(3)] string? QuoteReference,
    [property: Id(4)] TransportTripStatus Status,
    [property: Id(5)] string? PartnerReference,
    [property: Id(6)] TripWindow? ScheduledPickup,
    [property: Id(7)] TripWindow? ScheduledReturnPickup,
    [property: Id(8)] string? Reason,
    [property: Id(9)] DateTimeOffset RequestedAt,
    [property: Id(10)] DateTimeOffset UpdatedAt)
{
    /// <summary>True while the trip may still happen: requested or confirmed.</summary>
    public bool IsOpen => Status is TransportTripStatus.Requested or TransportTripStatus.Confirmed;
}
