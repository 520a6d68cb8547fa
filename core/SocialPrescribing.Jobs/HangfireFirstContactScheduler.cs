using Hangfire;
using SocialPrescribing.Abstractions;
using SocialPrescribing.Grains.Journeys;

namespace SocialPrescribing.Jobs;

/// <summary>
/// Schedules a journey's first-contact check with Hangfire. The deadline is a moment on the host's clock
/// (<see cref="TimeProvider"/>), and Hangfire's scheduler reads the system clock; so the check is scheduled after the
/// time left on the host's clock, which is the same thing in production and keeps a test clock's deadline in its own
/// future (a deadline passed on the system clock would run at once).
/// </summary>
internal sealed class HangfireFirstContactScheduler(IBackgroundJobClient jobs, TimeProvider time) : IFirstContactScheduler
{
    public void Schedule(TenantId tenant, Guid journeyId, DateTimeOffset dueAt)
    {
        var left = dueAt - time.GetUtcNow();
        jobs.Schedule<FirstContactCheckJob>(job => job.RunAsync(tenant.Value, journeyId), left > TimeSpan.Zero ? left : TimeSpan.Zero);
    }
}
