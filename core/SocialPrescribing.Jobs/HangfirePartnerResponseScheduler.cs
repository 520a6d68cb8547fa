using Hangfire;
using SocialPrescribing.Abstractions;
using SocialPrescribing.Domain.Tenants;
using SocialPrescribing.Grains.Journeys;

namespace SocialPrescribing.Jobs;

/// <summary>
/// Schedules a referral's provider-answer check with Hangfire, <c>PartnerResponseBusinessDays</c> business days (the
/// tenant's calendar) after the referral was made; like the first-contact check, after the time left on the host's clock.
/// </summary>
internal sealed class HangfirePartnerResponseScheduler(IBackgroundJobClient jobs, ITenantDirectory tenants, TimeProvider time) : IPartnerResponseScheduler
{
    public void Schedule(TenantId tenant, Guid journeyId, Guid communityReferralId, DateTimeOffset madeAt)
    {
        if (!tenants.TryGet(tenant, out var settings))
        {
            return;
        }

        var left = BusinessCalendar.AddBusinessDays(madeAt, settings.PartnerResponseBusinessDays, settings) - time.GetUtcNow();
        jobs.Schedule<PartnerResponseCheckJob>(job => job.RunAsync(tenant.Value, journeyId, communityReferralId), left > TimeSpan.Zero ? left : TimeSpan.Zero);
    }
}
