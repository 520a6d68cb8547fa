using SocialPrescribing.Abstractions;

namespace SocialPrescribing.Grains.Journeys;

/// <summary>
/// Arranges for a community referral's provider answer to be checked when the tenant's deadline for it passes
/// (<c>PartnerResponseBusinessDays</c> after the referral was made). Scheduling twice is harmless.
/// </summary>
public interface IPartnerResponseScheduler
{
    void Schedule(TenantId tenant, Guid journeyId, Guid communityReferralId, DateTimeOffset madeAt);
}
