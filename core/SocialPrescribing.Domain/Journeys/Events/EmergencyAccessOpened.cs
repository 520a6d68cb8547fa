namespace SocialPrescribing.Domain.Journeys.Events;

/// <summary>Someone outside the journey's scope opened it in an emergency (break-glass), on a reason, until a moment.</summary>
[GenerateSerializer, Immutable, Alias("sp.EmergencyAccessOpened")]
public sealed record EmergencyAccessOpened(
    [property: Id(0)] Guid GrantId,
    [property: Id(1)] string Reason,
    [property: Id(2)] DateTimeOffset ExpiresAt) : JourneyEvent;
