using SocialPrescribing.Abstractions;

namespace SocialPrescribing.Grains.Journeys;

/// <summary>
/// Arranges for a trip to be booked with its partner, or cancelled there, after the request or cancellation is
/// committed. Dispatching twice is harmless: the partner sees the trip's idempotency key.
/// </summary>
public interface ITransportDispatcher
{
    void Book(TenantId tenant, Guid journeyId, Guid tripId);

    void CancelAtPartner(TenantId tenant, Guid journeyId, Guid tripId);
}
