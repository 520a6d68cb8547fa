namespace SocialPrescribing.Domain.Journeys.Events;

/// <summary>The trip could not be booked: the partner declined, or did not answer after every retry.</summary>
[GenerateSerializer, Immutable, Alias("sp.TransportFailed")]
public sealed record TransportFailed(
    [property: Id(0)] Guid TripId,
    [property: Id(1)] string Reason) : JourneyEvent;
