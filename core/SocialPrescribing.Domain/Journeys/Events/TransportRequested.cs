using SocialPrescribing.Domain.Journeys.Transport;

namespace SocialPrescribing.Domain.Journeys.Events;

/// <summary>A trip was requested from a transport partner; the booking runs as a job with the trip id as its idempotency key.</summary>
[GenerateSerializer, Immutable, Alias("sp.TransportRequested")]
public sealed record TransportRequested(
    [property: Id(0)] Guid TripId,
    [property: Id(1)] string Partner,
    [property: Id(2)] TripDetails Details,
    [property: Id(3)] string? QuoteReference) : JourneyEvent;
