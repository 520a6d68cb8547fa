using Hangfire;
using SocialPrescribing.Abstractions;
using SocialPrescribing.Grains.Journeys;

namespace SocialPrescribing.Jobs;

internal sealed class HangfireFirstContactScheduler(IBackgroundJobClient jobs) : IFirstContactScheduler
{
    public void Schedule(TenantId tenant, Guid journeyId, DateTimeOffset dueAt) =>
        jobs.Schedule<FirstContactCheckJob>(job => job.RunAsync(tenant.Value, journeyId), dueAt);
}
