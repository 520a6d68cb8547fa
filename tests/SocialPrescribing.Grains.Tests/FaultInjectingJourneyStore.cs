using SocialPrescribing.Abstractions;
using SocialPrescribing.Storage;

namespace SocialPrescribing.Grains.Tests;

/// <summary>
/// The real SQLite store with one fault on demand: the next append commits and then reports a failure,
/// which is what a lost acknowledgement from a database looks like to the grain. It counts each journey's whole-stream
/// reads, so a test sees whether an activation read the whole stream or a snapshot's tail.
/// </summary>
public sealed class FaultInjectingJourneyStore(IJourneyStore inner) : IJourneyStore
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, int> _wholeReads = new();
    private int _failNextAppendAfterCommit;

    /// <summary>How many times the journey's whole stream was read, by <see cref="ReadAsync"/> or by a tail with no snapshot.</summary>
    public int WholeStreamReads(Guid journeyId) => _wholeReads.GetValueOrDefault(journeyId);

    public void FailNextAppendAfterCommit() => Interlocked.Exchange(ref _failNextAppendAfterCommit, 1);

    public Task<IReadOnlyList<StoredEvent>> ReadAsync(TenantId tenant, Guid journeyId, CancellationToken cancellationToken = default)
    {
        _wholeReads.AddOrUpdate(journeyId, 1, (_, n) => n + 1);
        return inner.ReadAsync(tenant, journeyId, cancellationToken);
    }

    public async Task<JourneyTail> ReadTailAsync(TenantId tenant, Guid journeyId, string snapshotKind, int eventsBeforeSnapshot, CancellationToken cancellationToken = default)
    {
        var tail = await inner.ReadTailAsync(tenant, journeyId, snapshotKind, eventsBeforeSnapshot, cancellationToken);
        if (tail.Snapshot is null)
        {
            _wholeReads.AddOrUpdate(journeyId, 1, (_, n) => n + 1);
        }

        return tail;
    }

    public Task SaveSnapshotAsync(TenantId tenant, Guid journeyId, JourneySnapshot snapshot, CancellationToken cancellationToken = default) =>
        inner.SaveSnapshotAsync(tenant, journeyId, snapshot, cancellationToken);

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
