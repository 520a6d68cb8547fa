using SocialPrescribing.Abstractions;
using SocialPrescribing.Grains.Journeys;

namespace SocialPrescribing.Benchmarks;

/// <summary>Reacts to nothing: the benchmark measures commands, not Hangfire.</summary>
internal sealed class NoFirstContactScheduler : IFirstContactScheduler, ISafetyAlertDispatcher, IJourneyReactions
{
    public void OnCommitted(TenantId tenant, Guid journeyId, System.Collections.Immutable.ImmutableArray<SocialPrescribing.Domain.Journeys.Events.JourneyEvent> appended)
    {
    }

    public void Dispatch(TenantId tenant, Guid journeyId, Guid alertId)
    {
    }

    public void Schedule(TenantId tenant, Guid journeyId, DateTimeOffset dueAt)
    {
    }
}
