using System.Runtime.CompilerServices;
using SocialPrescribing.Abstractions;
using SocialPrescribing.Application.Access;
using SocialPrescribing.Application.Audit;
using SocialPrescribing.Domain.Access;
using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Storage;

namespace SocialPrescribing.Application.Journeys;

/// <summary>
/// Caseloads: pages of the tenant's journeys from the read model kept beside the streams, and the walk over the
/// journeys a filter picks (open safety alerts, trips awaiting a partner), each with its state from its grain.
/// </summary>
public sealed class CaseloadQueries(IJourneyStore store, JourneyUseCases journeys, AuditTrail audit, CaseloadTotals totals)
{
    private const int WalkPageSize = 200;

    /// <summary>Journeys with a trip its partner has not answered yet.</summary>
    public static readonly JourneyQuery TripsAwaitingPartner = new(null, null, 1, WalkPageSize) { TripsAwaitingPartnerOnly = true };

    /// <summary>
    /// One page of a caseload, newest referral first, within what the caller may see (<see cref="JourneyScope.Narrow"/>).
    /// Each row is an access to that person's record and is audited as one. A large total may be one counted a few
    /// seconds before (<see cref="CaseloadTotals"/>).
    /// </summary>
    /// <exception cref="AccessDeniedException">The query asks for a caseload outside the caller's scope.</exception>
    public async Task<JourneyPage> ListAsync(Caller caller, JourneyQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        JourneyQuery narrowed;
        try
        {
            narrowed = JourneyScope.Narrow(caller, query);
        }
        catch (AccessDeniedException)
        {
            await audit.RecordAsync(caller, null, RecordAccess.CaseloadRow, allowed: false);
            throw;
        }

        var known = totals.Recent(caller.Tenant, narrowed);
        var page = await store.QueryAsync(caller.Tenant, narrowed with { KnownTotal = known }, cancellationToken);
        if (known is null)
        {
            totals.Counted(caller.Tenant, narrowed, page.Total);
        }

        await audit.RecordEachAsync(caller, page.Items.Select(row => row.JourneyId), RecordAccess.CaseloadRow);
        return page;
    }

    /// <summary>
    /// One page of the program's open safety alerts, the journey whose oldest open alert was raised longest ago first:
    /// the list supervisors work from. A page counts journeys (each with all its open alerts), read from the caseload
    /// rows that have any, within what the caller may see; each journey on it is audited as a safety-alert access.
    /// A row written before the caseload kept its alerts (until <c>projections rebuild</c> or the journey's next change)
    /// has them read from its stream instead.
    /// </summary>
    /// <exception cref="AccessDeniedException">The caller may not see the program's caseloads.</exception>
    public Task<OpenSafetyAlertPage> OpenSafetyAlertsAsync(Caller caller, int page, int pageSize, CancellationToken cancellationToken = default) =>
        OpenSafetyAlertsAsync(caller, page, pageSize, RecordAccess.SafetyAlert, cancellationToken);

    /// <summary>
    /// Every journey with an open safety alert, page by page in the supervisors' order, each access audited as
    /// <paramref name="access"/>: what reconciliation sweeps without reading the streams of journeys whose row holds their alerts.
    /// </summary>
    public async IAsyncEnumerable<OpenSafetyAlertsOfJourney> AllOpenSafetyAlertsAsync(
        Caller caller, RecordAccess access, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var page = 1; ; page++)
        {
            var open = await OpenSafetyAlertsAsync(caller, page, WalkPageSize, access, cancellationToken);
            foreach (var journey in open.Journeys)
            {
                yield return journey;
            }

            if ((long)page * WalkPageSize >= open.Total)
            {
                yield break;
            }
        }
    }

    private async Task<OpenSafetyAlertPage> OpenSafetyAlertsAsync(Caller caller, int page, int pageSize, RecordAccess access, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var query = JourneyScope.Narrow(caller, new JourneyQuery(null, null, page, pageSize) { OpenSafetyAlertsOnly = true, ByOldestOpenAlert = true });
        var rows = await store.QueryAsync(caller.Tenant, query, cancellationToken);
        var digested = rows.Items.Where(r => r.Summary.SafetyAlerts is not null).ToList();
        await audit.RecordEachAsync(caller, digested.Select(r => r.JourneyId), access);
        var journeysOnPage = new List<OpenSafetyAlertsOfJourney>(rows.Items.Count);
        foreach (var row in rows.Items)
        {
            if (row.Summary.SafetyAlerts is { } digest)
            {
                journeysOnPage.Add(new OpenSafetyAlertsOfJourney(row, SafetyAlertDigest.Read(digest)));
            }
            else if (await journeys.FindStateAsync(caller, row.JourneyId, access) is { } state)
            {
                journeysOnPage.Add(new OpenSafetyAlertsOfJourney(row, [.. state.SafetyAlerts.Where(a => a.IsOpen).OrderBy(a => a.RaisedAt)]));
            }
        }

        return new OpenSafetyAlertPage(journeysOnPage, rows.Total);
    }

    /// <summary>
    /// The tenant's other journeys of a person with the same name and birth date as <paramref name="row"/>'s: a possible
    /// duplicate referral, to check before accepting it. Each one found is audited as a caseload row read.
    /// </summary>
    public async Task<IReadOnlyList<JourneyListItem>> PossibleDuplicatesAsync(Caller caller, JourneyListItem row, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(row);
        if (row.Summary.BirthDate is not { } born)
        {
            return [];
        }

        var same = (await store.FindSameClientAsync(caller.Tenant, row.Summary.ClientName, born, cancellationToken)).Where(i => i.JourneyId != row.JourneyId).ToList();
        await audit.RecordEachAsync(caller, same.Select(i => i.JourneyId), RecordAccess.CaseloadRow);
        return same;
    }

    /// <summary>
    /// The tenant's journeys counted by link worker and stage, for the team dashboard (supervisors and program managers): counts only, so no
    /// person's record is read and nothing is audited as an access to one.
    /// </summary>
    /// <exception cref="AccessDeniedException">The caller neither supervises the tenant's link workers nor manages its program.</exception>
    public Task<IReadOnlyList<CaseloadTally>> TallyAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        RequireOversight(caller);
        return store.TallyCaseloadsAsync(caller.Tenant, cancellationToken);
    }

    /// <summary>How long the journeys first contacted since <paramref name="since"/> waited for it, for the team dashboard (supervisors and program managers) (times only).</summary>
    /// <exception cref="AccessDeniedException">The caller neither supervises the tenant's link workers nor manages its program.</exception>
    public Task<IReadOnlyList<FirstContactTime>> FirstContactTimesAsync(Caller caller, DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        RequireOversight(caller);
        return store.ListFirstContactTimesAsync(caller.Tenant, since, cancellationToken);
    }

    private static void RequireOversight(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.IsSystem && !caller.HasRole(AccessRoles.Supervisor) && !caller.HasRole(AccessRoles.ProgramManager))
        {
            throw new AccessDeniedException("The team's figures are for supervisors and program managers.");
        }
    }

    /// <summary>A page of the journeys whose first-contact deadline has passed by <paramref name="dueBy"/> without a verdict.</summary>
    public Task<IReadOnlyList<PendingFirstContactCheck>> DueFirstContactChecksAsync(
        TenantId tenant, DateTimeOffset dueBy, PendingFirstContactCheck? after, int limit, CancellationToken cancellationToken = default) =>
        store.ListPendingFirstContactChecksAsync(tenant, dueBy, after, limit, cancellationToken);

    /// <summary>
    /// A page of the journeys with a community referral awaiting its provider's answer, the oldest made at or before
    /// <paramref name="madeBy"/>, in (oldest made, journey) order after <paramref name="after"/>: what the partner-response sweep reads.
    /// </summary>
    public Task<IReadOnlyList<AwaitedPartnerAnswer>> AwaitedPartnerAnswersAsync(
        TenantId tenant, DateTimeOffset madeBy, AwaitedPartnerAnswer? after, int limit, CancellationToken cancellationToken = default) =>
        store.ListAwaitedPartnerAnswersAsync(tenant, madeBy, after, limit, cancellationToken);

    /// <summary>
    /// A page of the journeys with an emergency access not yet reported to the privacy officers, the oldest opened first,
    /// after <paramref name="after"/>: what the emergency-access reconciliation reads.
    /// </summary>
    public Task<IReadOnlyList<UnnotifiedEmergencyAccess>> UnnotifiedEmergencyAccessAsync(
        TenantId tenant, UnnotifiedEmergencyAccess? after, int limit, CancellationToken cancellationToken = default) =>
        store.ListUnnotifiedEmergencyAccessAsync(tenant, after, limit, cancellationToken);

    /// <summary>The community-referral digests of the tenant's journeys, for reports (no names are read from them).</summary>
    public Task<IReadOnlyList<JourneyReferralDigest>> CommunityReferralDigestsAsync(TenantId tenant, CancellationToken cancellationToken = default) =>
        store.ListCommunityReferralDigestsAsync(tenant, null, cancellationToken);

    /// <summary>
    /// The outcome measures an outcome report of [<paramref name="since"/>, <paramref name="until"/>] needs (the
    /// journeys assessed across the period), and how many journeys are assessed and baselined in all.
    /// </summary>
    public async Task<(IReadOnlyList<JourneyOutcomeMeasures> Journeys, AssessedJourneys Assessed)> OutcomeMeasuresAsync(
        TenantId tenant, DateTimeOffset? since, DateTimeOffset until, CancellationToken cancellationToken = default)
    {
        var counting = store.CountAssessedJourneysAsync(tenant, cancellationToken);
        var journeys = await store.ListOutcomeMeasuresAsync(tenant, since, until, cancellationToken);
        return (journeys, await counting);
    }

    /// <summary>The people first referred to a program in [<paramref name="since"/>, <paramref name="until"/>] and those connected by its end, per link worker.</summary>
    public Task<ProgramConnections> ConnectionsAsync(TenantId tenant, DateTimeOffset? since, DateTimeOffset until, CancellationToken cancellationToken = default) =>
        store.CountConnectionsAsync(tenant, since, until, cancellationToken);

    /// <summary>
    /// Every journey <paramref name="filter"/> picks that is in <paramref name="caller"/>'s scope, page by page, each
    /// with its current state; each is audited as <paramref name="access"/>.
    /// </summary>
    public async IAsyncEnumerable<(JourneyListItem Row, JourneyState State)> WalkAsync(
        Caller caller, JourneyQuery filter, RecordAccess access, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(filter);
        var tenant = caller.Tenant;
        for (var page = 1; ; page++)
        {
            var rows = await store.QueryAsync(tenant, filter with { Page = page, PageSize = WalkPageSize }, cancellationToken);
            foreach (var row in rows.Items)
            {
                if (await journeys.FindStateAsync(caller, row.JourneyId, access) is { } state)
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
