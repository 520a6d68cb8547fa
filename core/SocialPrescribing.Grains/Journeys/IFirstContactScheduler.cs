using SocialPrescribing.Abstractions;

namespace SocialPrescribing.Grains.Journeys;

/// <summary>Arranges for a journey's first-contact check to run at its deadline. Scheduling twice is harmless.</summary>
public interface IFirstContactScheduler
{
    void Schedule(TenantId tenant, Guid journeyId, DateTimeOffset dueAt);
}
