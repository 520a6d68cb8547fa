namespace SocialPrescribing.Domain.Journeys.Events;

/// <summary>A community referral moved to another FHIR Task status.</summary>
[GenerateSerializer, Immutable, Alias("sp.CommunityReferralStatusChanged")]
public sealed record CommunityReferralStatusChanged(
    [property: Id(0)] Guid CommunityReferralId,
    [property: Id(1)] CommunityReferralStatus From,
    [property: Id(2)] CommunityReferralStatus To) : JourneyEvent;
