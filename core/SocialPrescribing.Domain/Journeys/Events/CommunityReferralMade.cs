namespace SocialPrescribing.Domain.Journeys.Events;

/// <summary>The person was referred to a community program; the referral starts as requested.</summary>
[GenerateSerializer, Immutable, Alias("sp.CommunityReferralMade")]
public sealed record CommunityReferralMade(
    [property: Id(0)] Guid CommunityReferralId,
    [property: Id(1)] CommunityProgram Program,
    [property: Id(2)] string? Notes) : JourneyEvent;
