using SocialPrescribing.Domain.Journeys.Transport;

namespace SocialPrescribing.Domain.Journeys.Events;

/// <summary>The partner confirmed the trip, under its own reference.</summary>
[GenerateSerializer, Immutable, Alias("sp.TransportConfirmed")]
public sealed record TransportConfirmed(
    [property: Id(0)] Guid TripId,
    [property: Id(1)] string PartnerReference,
    [property: Id(2)] TripWindow? ScheduledPickup,
    [property: Id(3)] TripWindow? ScheduledReturnPickup) : JourneyEvent;
