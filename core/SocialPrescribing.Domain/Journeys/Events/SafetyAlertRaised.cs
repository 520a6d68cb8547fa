namespace SocialPrescribing.Domain.Journeys.Events;

/// <summary>An assessment raised a safety flag (such as <c>self-harm-risk</c>); supervisors must be told and must acknowledge it.</summary>
[GenerateSerializer, Immutable, Alias("sp.SafetyAlertRaised")]
public sealed record SafetyAlertRaised(
    [property: Id(0)] Guid AlertId,
    [property: Id(1)] Guid AssessmentId,
    [property: Id(2)] string Instrument,
    [property: Id(3)] string Flag) : JourneyEvent;
