using Hangfire;
using SocialPrescribing.Abstractions;
using SocialPrescribing.Grains.Journeys;

namespace SocialPrescribing.Jobs;

internal sealed class HangfireEmergencyAccessDispatcher(IBackgroundJobClient jobs) : IEmergencyAccessDispatcher
{
    public void Dispatch(TenantId tenant, Guid journeyId, Guid grantId) =>
        jobs.Enqueue<EmergencyAccessNotificationJob>(job => job.RunAsync(tenant.Value, journeyId, grantId));
}
