using System.Runtime.CompilerServices;
using SocialPrescribing.Abstractions;
using SocialPrescribing.Application.Access;
using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Storage;

namespace SocialPrescribing.Application.Journeys;

/// <summary>
/// Caseloads: pages of the tenant's journeys from the read model kept beside the streams, and the walk over the
/// journeys a filter picks (open safety alerts, trips awaiting a partner), each with its state from its grain.
/// </summary>
public sealed class CaseloadQueries(IJourneyStore store, JourneyUseCases journeys)
{
    private const int WalkPageSize = 200;

    /// <summary>Journeys with at least one safety alert not yet acknowledged.</summary>
    public static readonly JourneyQuery OpenSafetyAlerts = new(null, null, 1, WalkPageSize) { OpenSafetyAlertsOnly = true };

    /// <summary>Journeys with a trip its partner has not answered yet.</summary>
    public static readonly JourneyQuery TripsAwaitingPartner = new(null, null, 1, WalkPageSize) { TripsAwaitingPartnerOnly = true };

    /// <summary>One page of a caseload, newest referral first, within what the caller may see (<see cref="JourneyScope.Narrow"/>).</summary>
    /// <exception cref="AccessDeniedException">The query asks for a caseload outside the caller's scope.</exception>
    public Task<JourneyPage> ListAsync(Caller caller, JourneyQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return store.QueryAsync(caller.Tenant, JourneyScope.Narrow(caller, query), cancellationToken);
    }

    /// <summary>Journeys whose first-contact check should be pending, for reconciliation.</summary>
    public Task<IReadOnlyList<PendingFirstContactCheck>> PendingFirstContactChecksAsync(TenantId tenant, CancellationToken cancellationToken = default) =>
        store.ListPendingFirstContactChecksAsync(tenant, cancellationToken);

    /// <summary>The assessment digest of every journey of the tenant: what program reports are computed from.</summary>
    public Task<IReadOnlyList<JourneyAssessmentDigest>> AssessmentDigestsAsync(TenantId tenant, CancellationToken cancellationToken = default) =>
        store.ListAssessmentDigestsAsync(tenant, cancellationToken);

    /// <summary>Every journey <paramref name="filter"/> picks, page by page, each with its current state.</summary>
    public async IAsyncEnumerable<(JourneyListItem Row, JourneyState State)> WalkAsync(
        TenantId tenant, JourneyQuery filter, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        for (var page = 1; ; page++)
        {
            var rows = await store.QueryAsync(tenant, filter with { Page = page, PageSize = WalkPageSize }, cancellationToken);
            foreach (var row in rows.Items)
            {
                if (await journeys.FindStateAsync(Caller.System(tenant), row.JourneyId) is { } state)
                {
                    yield return (row, state);
                }
            }

            if ((long)page * WalkPageSize >= rows.Total)
            {
                yield break;
            }
        }
    }
}
