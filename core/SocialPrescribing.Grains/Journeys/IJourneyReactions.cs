using SocialPrescribing.Abstractions;
using SocialPrescribing.Domain.Journeys.Events;

namespace SocialPrescribing.Grains.Journeys;

/// <summary>
/// What happens outside a journey once one of its events is committed: checks scheduled, alerts sent, trips booked.
/// Driven from the event feed, at least once per event, so every reaction must be idempotent. A reaction that
/// throws is tried again with the rest of its batch.
/// </summary>
public interface IJourneyReactions
{
    /// <summary>The types of event there is a reaction to; the feed's other events are passed over unread.</summary>
    IReadOnlySet<string> EventTypes { get; }

    void React(TenantId tenant, Guid journeyId, JourneyEvent committed);
}
