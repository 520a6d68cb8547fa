using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using SocialPrescribing.Abstractions;
using SocialPrescribing.Domain.Journeys.Events;

namespace SocialPrescribing.Grains.Journeys;

/// <summary>The one place committed events turn into background work; each reaction is isolated from the others.</summary>
public sealed partial class JourneyReactions(
    IFirstContactScheduler firstContact,
    ISafetyAlertDispatcher safetyAlerts,
    ITransportDispatcher transport,
    ILogger<JourneyReactions> logger) : IJourneyReactions
{
    public void OnCommitted(TenantId tenant, Guid journeyId, ImmutableArray<JourneyEvent> appended)
    {
        foreach (var e in appended)
        {
            try
            {
                React(tenant, journeyId, e);
            }
            catch (Exception ex)
            {
                // The journey holds what is due; reconciliation schedules it again.
                LogReactionFailed(ex, tenant.Value, journeyId, e.Type);
            }
        }
    }

    private void React(TenantId tenant, Guid journeyId, JourneyEvent e)
    {
        switch (e)
        {
            case ReferralAccepted accepted:
                firstContact.Schedule(tenant, journeyId, accepted.FirstContactDueAt);
                break;
            case SafetyAlertRaised raised:
                safetyAlerts.Dispatch(tenant, journeyId, raised.AlertId);
                break;
            case TransportRequested requested:
                transport.Book(tenant, journeyId, requested.TripId);
                break;
            case TransportCancelled cancelled:
                transport.CancelAtPartner(tenant, journeyId, cancelled.TripId);
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Journey {Tenant}/{JourneyId}: the reaction to {EventType} failed; reconciliation will retry it")]
    private partial void LogReactionFailed(Exception exception, string tenant, Guid journeyId, string eventType);
}
