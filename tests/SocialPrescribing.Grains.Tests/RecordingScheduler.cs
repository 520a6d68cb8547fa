using System.Collections.Concurrent;
using SocialPrescribing.Abstractions;
using SocialPrescribing.Grains.Journeys;

namespace SocialPrescribing.Grains.Tests;

/// <summary>Records what the grain asked to schedule; Hangfire itself is exercised by the host's tests.</summary>
public sealed class RecordingScheduler : ISafetyAlertDispatcher, ITransportDispatcher, IEmergencyAccessDispatcher
{
    public ConcurrentQueue<(TenantId Tenant, Guid JourneyId, Guid GrantId)> EmergencyAccesses { get; } = new();

    void IEmergencyAccessDispatcher.Dispatch(TenantId tenant, Guid journeyId, Guid grantId) => EmergencyAccesses.Enqueue((tenant, journeyId, grantId));

    public ConcurrentQueue<(TenantId Tenant, Guid JourneyId, Guid TripId, bool Cancel)> Trips { get; } = new();

    public void Book(TenantId tenant, Guid journeyId, Guid tripId) => Trips.Enqueue((tenant, journeyId, tripId, false));

    public void CancelAtPartner(TenantId tenant, Guid journeyId, Guid tripId) => Trips.Enqueue((tenant, journeyId, tripId, true));

    public ConcurrentQueue<(TenantId Tenant, Guid JourneyId, Guid AlertId)> Dispatched { get; } = new();

    public void Dispatch(TenantId tenant, Guid journeyId, Guid alertId) => Dispatched.Enqueue((tenant, journeyId, alertId));
}
