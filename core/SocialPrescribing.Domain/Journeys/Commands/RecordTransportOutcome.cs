using SocialPrescribing.Domain.Journeys.Transport;

namespace SocialPrescribing.Domain.Journeys.Commands;

/// <summary>
/// Raised by the booking job with the partner's answer: confirmed (with its reference) or failed (with the reason).
/// Not offered over the API.
/// </summary>
[GenerateSerializer, Immutable, Alias("sp.cmd.RecordTransportOutcome")]
public sealed record RecordTransportOutcome(
    [property: Id(0)] Guid TripId,
    [property: Id(1)] bool Confirmed,
    [property: Id(2)] string? PartnerReference,
    [property: Id(3)] TripWindow? ScheduledPickup,
    [property: Id(4)] TripWindow? ScheduledReturnPickup,
    [property: Id(5)] string? FailureReason) : JourneyCommand
{
    public override string Name => JourneyCommandNames.RecordTransportOutcome;
}
