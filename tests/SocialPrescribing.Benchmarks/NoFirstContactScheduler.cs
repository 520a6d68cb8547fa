using SocialPrescribing.Abstractions;
using SocialPrescribing.Grains.Journeys;

namespace SocialPrescribing.Benchmarks;

/// <summary>Schedules nothing: the benchmark measures commands, not Hangfire.</summary>
internal sealed class NoFirstContactScheduler : IFirstContactScheduler
{
    public void Schedule(TenantId tenant, Guid journeyId, DateTimeOffset dueAt)
    {
    }
}
