namespace SocialPrescribing.Domain.Journeys.Events;

/// <summary>A supervisor reviewed the alert and recorded what was done; the alert is closed.</summary>
[GenerateSerializer, Immutable, Alias("sp.SafetyAlertAcknowledged")]
public sealed record SafetyAlertAcknowledged(
    [property: Id(0)] Guid AlertId,
    [property: Id(1)] string Note) : JourneyEvent;
