namespace SocialPrescribing.Domain.Journeys.Transport;

/// <summary>A trip on a journey, folded from its events.</summary>
public sealed record TransportTrip(
    Guid Id,
    string Partner,
    TripDetails Details,
    string? QuoteReference,
    TransportTripStatus Status,
    string? PartnerReference,
    TripWindow? ScheduledPickup,
    TripWindow? ScheduledReturnPickup,
    string? Reason,
    DateTimeOffset RequestedAt,
    DateTimeOffset UpdatedAt)
{
    /// <summary>True while the trip may still happen: requested or confirmed.</summary>
    public bool IsOpen => Status is TransportTripStatus.Requested or TransportTripStatus.Confirmed;
}
