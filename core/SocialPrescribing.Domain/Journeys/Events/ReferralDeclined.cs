namespace SocialPrescribing.Domain.Journeys.Events;

/// <summary>The person declined the referral.</summary>
[GenerateSerializer, Immutable, Alias("sp.ReferralDeclined")]
public sealed record ReferralDeclined(
    [property: Id(0)] string Reason) : JourneyEvent;
