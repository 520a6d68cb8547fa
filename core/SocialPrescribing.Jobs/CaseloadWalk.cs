using System.Runtime.CompilerServices;
using SocialPrescribing.Abstractions;
using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Grains.Journeys;
using SocialPrescribing.Storage;

namespace SocialPrescribing.Jobs;

/// <summary>
/// The journeys of a tenant that a caseload filter picks (open safety alerts, trips awaiting a partner), found
/// from their caseload rows page by page, each with its state read from its grain: the one walk the supervisors'
/// list and every reconciliation take.
/// </summary>
public static class CaseloadWalk
{
    private const int PageSize = 200;

    /// <summary>Journeys with at least one safety alert not yet acknowledged.</summary>
    public static readonly JourneyQuery OpenSafetyAlerts = new(null, null, 1, PageSize) { OpenSafetyAlertsOnly = true };

    /// <summary>Journeys with a trip its partner has not answered yet.</summary>
    public static readonly JourneyQuery TripsAwaitingPartner = new(null, null, 1, PageSize) { TripsAwaitingPartnerOnly = true };

    public static async IAsyncEnumerable<(JourneyListItem Row, JourneyState State)> JourneysAsync(
        IJourneyStore store, IGrainFactory grains, TenantId tenant, JourneyQuery filter, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(grains);
        for (var page = 1; ; page++)
        {
            var journeys = await store.QueryAsync(tenant, filter with { Page = page, PageSize = PageSize }, cancellationToken);
            foreach (var journey in journeys.Items)
            {
                var history = await grains.GetGrain<IJourneyGrain>(journey.JourneyId, tenant.Value).GetHistory();
                yield return (journey, JourneyState.Fold(history.Events));
            }

            if ((long)page * PageSize >= journeys.Total)
            {
                yield break;
            }
        }
    }
}
