using SocialPrescribing.Abstractions;

namespace SocialPrescribing.Grains.Journeys;

/// <summary>
/// Arranges for a raised safety alert to reach the tenant's supervisors, after the alert is committed.
/// Dispatching twice is harmless: the notification records itself on the journey once.
/// </summary>
public interface ISafetyAlertDispatcher
{
    void Dispatch(TenantId tenant, Guid journeyId, Guid alertId);
}
