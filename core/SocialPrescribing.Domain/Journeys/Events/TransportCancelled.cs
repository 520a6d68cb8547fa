namespace SocialPrescribing.Domain.Journeys.Events;

/// <summary>The trip was cancelled; when the partner holds a booking, a job cancels it there too.</summary>
[GenerateSerializer, Immutable, Alias("sp.TransportCancelled")]
public sealed record TransportCancelled(
    [property: Id(0)] Guid TripId,
    [property: Id(1)] string Reason) : JourneyEvent;
