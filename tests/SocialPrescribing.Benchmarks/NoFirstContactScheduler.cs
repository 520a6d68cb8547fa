using SocialPrescribing.Abstractions;
using SocialPrescribing.Grains.Journeys;

namespace SocialPrescribing.Benchmarks;

/// <summary>Reacts to nothing: the benchmark measures commands (and the feed read that drives reactions), not Hangfire.</summary>
internal sealed class NoFirstContactScheduler : IFirstContactScheduler, ISafetyAlertDispatcher, IJourneyReactions
{
    public void React(TenantId tenant, Guid journeyId, SocialPrescribing.Domain.Journeys.Events.JourneyEvent committed)
    {
    }

    public void Dispatch(TenantId tenant, Guid journeyId, Guid alertId)
    {
    }

    public void Schedule(TenantId tenant, Guid journeyId, DateTimeOffset dueAt)
    {
    }
}
