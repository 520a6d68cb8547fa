using SocialPrescribing.Abstractions;
using SocialPrescribing.Grains.Journeys;

namespace SocialPrescribing.Benchmarks;

/// <summary>Schedules and dispatches nothing: the benchmark measures commands, not Hangfire.</summary>
internal sealed class NoFirstContactScheduler : IFirstContactScheduler, ISafetyAlertDispatcher
{
    public void Dispatch(TenantId tenant, Guid journeyId, Guid alertId)
    {
    }

    public void Schedule(TenantId tenant, Guid journeyId, DateTimeOffset dueAt)
    {
    }
}
