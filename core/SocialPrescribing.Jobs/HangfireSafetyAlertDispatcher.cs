using Hangfire;
using SocialPrescribing.Abstractions;
using SocialPrescribing.Grains.Journeys;

namespace SocialPrescribing.Jobs;

internal sealed class HangfireSafetyAlertDispatcher(IBackgroundJobClient jobs) : ISafetyAlertDispatcher
{
    public void Dispatch(TenantId tenant, Guid journeyId, Guid alertId) =>
        jobs.Enqueue<SafetyAlertNotificationJob>(job => job.RunAsync(tenant.Value, journeyId, alertId));
}
