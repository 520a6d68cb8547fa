using SocialPrescribing.Abstractions;
using SocialPrescribing.Storage;

namespace SocialPrescribing.Grains.Tests;

/// <summary>
/// The real SQLite store with one fault on demand: the next append commits and then reports a failure,
/// which is what a lost acknowledgement from a database looks like to the grain.
/// </summary>
public sealed class FaultInjectingJourneyStore(IJourneyStore inner) : IJourneyStore
{
    private int _failNextAppendAfterCommit;

    public void FailNextAppendAfterCommit() => Interlocked.Exchange(ref _failNextAppendAfterCommit, 1);

    public Task<IReadOnlyList<StoredEvent>> ReadAsync(TenantId tenant, Guid journeyId, CancellationToken cancellationToken = default) =>
        inner.ReadAsync(tenant, journeyId, cancellationToken);

    public async Task AppendAsync(JourneyAppend append, CancellationToken cancellationToken = default)
    {
        await inner.AppendAsync(append, cancellationToken);
        if (Interlocked.Exchange(ref _failNextAppendAfterCommit, 0) == 1)
        {
            throw new StorageUnavailableException("Injected: the commit happened but its acknowledgement was lost.");
        }
    }

    public Task<JourneyPage> QueryAsync(TenantId tenant, JourneyQuery query, CancellationToken cancellationToken = default) =>
        inner.QueryAsync(tenant, query, cancellationToken);

    public Task<IReadOnlyList<JourneyListItem>> FindSameClientAsync(TenantId tenant, string clientName, DateOnly birthDate, CancellationToken cancellationToken = default) =>
        inner.FindSameClientAsync(tenant, clientName, birthDate, cancellationToken);

    public Task<IReadOnlyList<FirstContactTime>> ListFirstContactTimesAsync(TenantId tenant, DateTimeOffset since, CancellationToken cancellationToken = default) =>
        inner.ListFirstContactTimesAsync(tenant, since, cancellationToken);

    public Task<IReadOnlyList<CaseloadTally>> TallyCaseloadsAsync(TenantId tenant, CancellationToken cancellationToken = default) =>
        inner.TallyCaseloadsAsync(tenant, cancellationToken);

    public Task<IReadOnlyList<PendingFirstContactCheck>> ListPendingFirstContactChecksAsync(
        TenantId tenant, DateTimeOffset? dueBy, PendingFirstContactCheck? after, int limit, CancellationToken cancellationToken = default) =>
        inner.ListPendingFirstContactChecksAsync(tenant, dueBy, after, limit, cancellationToken);

    public Task<IReadOnlyList<AwaitedPartnerAnswer>> ListAwaitedPartnerAnswersAsync(
        TenantId tenant, DateTimeOffset? madeBy, AwaitedPartnerAnswer? after, int limit, CancellationToken cancellationToken = default) =>
        inner.ListAwaitedPartnerAnswersAsync(tenant, madeBy, after, limit, cancellationToken);

    public Task<IReadOnlyList<UnnotifiedEmergencyAccess>> ListUnnotifiedEmergencyAccessAsync(
        TenantId tenant, UnnotifiedEmergencyAccess? after, int limit, CancellationToken cancellationToken = default) =>
        inner.ListUnnotifiedEmergencyAccessAsync(tenant, after, limit, cancellationToken);

    public Task<IReadOnlyList<JourneyOutcomeMeasures>> ListOutcomeMeasuresAsync(TenantId tenant, DateTimeOffset? since, DateTimeOffset until, CancellationToken cancellationToken = default) =>
        inner.ListOutcomeMeasuresAsync(tenant, since, until, cancellationToken);

    public Task<AssessedJourneys> CountAssessedJourneysAsync(TenantId tenant, CancellationToken cancellationToken = default) =>
        inner.CountAssessedJourneysAsync(tenant, cancellationToken);

    public Task<ProgramConnections> CountConnectionsAsync(TenantId tenant, DateTimeOffset? since, DateTimeOffset until, CancellationToken cancellationToken = default) =>
        inner.CountConnectionsAsync(tenant, since, until, cancellationToken);

    public Task<IReadOnlyList<JourneyReferralDigest>> ListCommunityReferralDigestsAsync(
        TenantId tenant, IReadOnlyCollection<Guid>? organizations, CancellationToken cancellationToken = default) =>
        inner.ListCommunityReferralDigestsAsync(tenant, organizations, cancellationToken);

    public Task CheckHealthAsync(CancellationToken cancellationToken = default) => inner.CheckHealthAsync(cancellationToken);
}
