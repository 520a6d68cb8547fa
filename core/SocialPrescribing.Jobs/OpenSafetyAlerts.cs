using System.Runtime.CompilerServices;
using SocialPrescribing.Abstractions;
using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Grains.Journeys;
using SocialPrescribing.Storage;

namespace SocialPrescribing.Jobs;

/// <summary>
/// The journeys of a tenant that have an open safety alert, found from their caseload rows page by page, each with
/// its state read from its grain: the one walk both the supervisors' list and reconciliation take.
/// </summary>
public static class OpenSafetyAlerts
{
    private const int PageSize = 200;

    public static async IAsyncEnumerable<(JourneyListItem Row, JourneyState State)> JourneysAsync(
        IJourneyStore store, IGrainFactory grains, TenantId tenant, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(grains);
        for (var page = 1; ; page++)
        {
            var journeys = await store.QueryAsync(tenant, new JourneyQuery(null, null, page, PageSize) { OpenSafetyAlertsOnly = true }, cancellationToken);
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
