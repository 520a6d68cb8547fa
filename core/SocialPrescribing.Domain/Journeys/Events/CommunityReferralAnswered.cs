namespace SocialPrescribing.Domain.Journeys.Events;

/// <summary>The provider a community referral is addressed to answered it; the actor is the partner who did.</summary>
[GenerateSerializer, Immutable, Alias("sp.CommunityReferralAnswered")]
public sealed record CommunityReferralAnswered(
    [property: Id(0)] Guid CommunityReferralId,
    [property: Id(1)] PartnerAnswer Answer,
    [property: Id(2)] CommunityReferralStatus From,
    [property: Id(3)] CommunityReferralStatus To,
    [property: Id(4)] DeclineReason? Reason,
    [property: Id(5)] string? Note) : JourneyEvent;
