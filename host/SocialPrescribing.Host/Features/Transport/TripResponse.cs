using SocialPrescribing.Domain.Journeys.Transport;
using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Host.Http;

namespace SocialPrescribing.Host.Features.Transport;

/// <summary>A trip on a journey.</summary>
internal sealed record TripResponse(
    Guid TripId,
    string Partner,
    [property: WireEnum<TransportTripStatus>] string Status,
    TripDetails Details,
    string? QuoteReference,
    string? PartnerReference,
    TripWindow? ScheduledPickup,
    TripWindow? ScheduledReturnPickup,
    string? Reason,
    DateTimeOffset RequestedAt,
    DateTimeOffset UpdatedAt)
{
    public static TripResponse From(TransportTrip t) => new(
        t.Id, t.Partner, WireNames.Of(t.Status), t.Details, t.QuoteReference, t.PartnerReference, t.ScheduledPickup, t.ScheduledReturnPickup, t.Reason, t.RequestedAt, t.UpdatedAt);
}
