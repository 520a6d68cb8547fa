using System.Collections.Frozen;
using SocialPrescribing.Abstractions;
using SocialPrescribing.Domain.Journeys.Events;

namespace SocialPrescribing.Grains.Journeys;

/// <summary>The one place committed events turn into background work (each only hands a job to Hangfire).</summary>
public sealed class JourneyReactions(
    ISafetyAlertDispatcher safetyAlerts,
    ITransportDispatcher transport,
    IEmergencyAccessDispatcher emergencyAccess) : IJourneyReactions
{
    private static readonly FrozenSet<string> Reacted = FrozenSet.Create(
        StringComparer.Ordinal, nameof(SafetyAlertRaised), nameof(TransportRequested), nameof(TransportCancelled),
        nameof(EmergencyAccessOpened));

    public IReadOnlySet<string> EventTypes => Reacted;

    public void React(TenantId tenant, Guid journeyId, JourneyEvent committed)
    {
        switch (committed)
        {
            case SafetyAlertRaised raised:
                safetyAlerts.Dispatch(tenant, journeyId, raised.AlertId);
                break;
            case TransportRequested requested:
                transport.Book(tenant, journeyId, requested.TripId);
                break;
            case TransportCancelled cancelled:
                transport.CancelAtPartner(tenant, journeyId, cancelled.TripId);
                break;
            case EmergencyAccessOpened opened:
                emergencyAccess.Dispatch(tenant, journeyId, opened.GrantId);
                break;
        }
    }
}
