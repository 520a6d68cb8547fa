using System.Collections.Immutable;
using SocialPrescribing.Abstractions;
using SocialPrescribing.Domain.Journeys.Events;

namespace SocialPrescribing.Grains.Journeys;

/// <summary>
/// What happens outside the journey once its events are committed: checks scheduled, alerts sent, trips booked.
/// Called after the commit and never throws: a reaction that fails is logged and left to reconciliation.
/// </summary>
public interface IJourneyReactions
{
    void OnCommitted(TenantId tenant, Guid journeyId, ImmutableArray<JourneyEvent> appended);
}
