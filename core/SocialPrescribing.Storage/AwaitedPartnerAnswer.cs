namespace SocialPrescribing.Storage;

/// <summary>
/// A journey with a community referral awaiting its provider's answer: when the oldest such referral was made (the
/// index's order) and the journey's referral digest (<see cref="JourneySummary.CommunityReferrals"/>), from which the
/// referrals past their deadline are told.
/// </summary>
public sealed record AwaitedPartnerAnswer(Guid JourneyId, DateTimeOffset AwaitedSince, string Referrals);
