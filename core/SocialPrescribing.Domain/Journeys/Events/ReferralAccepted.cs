namespace SocialPrescribing.Domain.Journeys.Events;

/// <summary>The program accepted the referral and assigned a link worker; the first-contact clock is running.</summary>
[GenerateSerializer, Immutable, Alias("sp.ReferralAccepted")]
public sealed record ReferralAccepted(
    [property: Id(0)] string LinkWorkerId,
    [property: Id(1)] DateTimeOffset FirstContactDueAt) : JourneyEvent;
