using SocialPrescribing.Abstractions;

namespace SocialPrescribing.Grains.Journeys;

/// <summary>
/// Arranges for an emergency (break-glass) access, once committed, to be reported to the tenant's privacy officers.
/// Dispatching twice may report it twice; the grant's id tells the two apart.
/// </summary>
public interface IEmergencyAccessDispatcher
{
    void Dispatch(TenantId tenant, Guid journeyId, Guid grantId);
}
