namespace SocialPrescribing.Storage;

/// <summary>
/// Where a caseload page in the newest-referral order ended: the last journey listed, by its referral time and id. The
/// next page starts after it, read from the index in that order however deep it is (no rows skipped one by one).
/// </summary>
public sealed record JourneyListPosition(DateTimeOffset ReferredAt, Guid JourneyId);
