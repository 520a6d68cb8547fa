using SocialPrescribing.Abstractions;

namespace SocialPrescribing.Storage;

/// <summary>
/// Durable journey streams. One contract, several engines (SQLite embedded, PostgreSQL in production),
/// all proven by the same conformance tests. Every call is scoped to one tenant.
/// </summary>
public interface IJourneyStore
{
    /// <summary>The journey's events in version order (1, 2, …); empty when the journey does not exist.</summary>
    Task<IReadOnlyList<StoredEvent>> ReadAsync(TenantId tenant, Guid journeyId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The journey's latest snapshot of <paramref name="snapshotKind"/> and its events after version
    /// (snapshot version − <paramref name="eventsBeforeSnapshot"/>), in one read; with no such snapshot, every event.
    /// </summary>
    Task<JourneyTail> ReadTailAsync(TenantId tenant, Guid journeyId, string snapshotKind, int eventsBeforeSnapshot, CancellationToken cancellationToken = default);

    /// <summary>
    /// Keeps <paramref name="snapshot"/> as the journey's latest unless the one kept is of the same kind and newer (one
    /// of the same version is replaced: a snapshot found unreadable is mended). The caller takes it only of events
    /// already durable.
    /// </summary>
    Task SaveSnapshotAsync(TenantId tenant, Guid journeyId, JourneySnapshot snapshot, CancellationToken cancellationToken = default);

    /// <summary>
    /// Appends events and updates the journey's caseload row in one transaction, durable when the task
    /// completes. Throws <see cref="StreamVersionConflictException"/> when the stream is not at
    /// <see cref="JourneyAppend.ExpectedVersion"/>, appending nothing.
    /// </summary>
    Task AppendAsync(JourneyAppend append, CancellationToken cancellationToken = default);

    /// <summary>A page of a tenant's journeys, newest referral first.</summary>
    Task<JourneyPage> QueryAsync(TenantId tenant, JourneyQuery query, CancellationToken cancellationToken = default);

    /// <summary>The referral and first-contact times of the tenant's journeys first contacted at or after <paramref name="since"/>.</summary>
    Task<IReadOnlyList<FirstContactTime>> ListFirstContactTimesAsync(TenantId tenant, DateTimeOffset since, CancellationToken cancellationToken = default);

    /// <summary>
    /// The journeys of people with this name (compared without regard to case) and birth date, newest referral first,
    /// at most 20: how a possible duplicate referral is found.
    /// </summary>
    Task<IReadOnlyList<JourneyListItem>> FindSameClientAsync(TenantId tenant, string clientName, DateOnly birthDate, CancellationToken cancellationToken = default);

    /// <summary>
    /// The tenant's journeys counted by link worker and stage (nobody's first), with those past their first-contact
    /// deadline and those with a safety alert open: what a team dashboard shows, without reading a row of a person.
    /// </summary>
    Task<IReadOnlyList<CaseloadTally>> TallyCaseloadsAsync(TenantId tenant, CancellationToken cancellationToken = default);

    /// <summary>
    /// Journeys whose first-contact deadline can still pass unmet, in (deadline, journey) order, read from an index of
    /// them: those due at or before <paramref name="dueBy"/> (every one when null), after <paramref name="after"/> (a
    /// page's last, for the next page), at most <paramref name="limit"/>.
    /// </summary>
    Task<IReadOnlyList<PendingFirstContactCheck>> ListPendingFirstContactChecksAsync(
        TenantId tenant, DateTimeOffset? dueBy, PendingFirstContactCheck? after, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Journeys with a community referral awaiting its provider's answer (<see cref="JourneySummary.PartnerAnswerAwaitedSince"/>),
    /// in (oldest such referral made, journey) order, read from an index of them: those whose oldest was made at or before
    /// <paramref name="madeBy"/> (every one when null), after <paramref name="after"/> (a page's last, for the next
    /// page), at most <paramref name="limit"/>.
    /// </summary>
    Task<IReadOnlyList<AwaitedPartnerAnswer>> ListAwaitedPartnerAnswersAsync(
        TenantId tenant, DateTimeOffset? madeBy, AwaitedPartnerAnswer? after, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Journeys with an emergency access not yet reported to the tenant's privacy officers
    /// (<see cref="JourneySummary.LastUnnotifiedEmergencyAccessAt"/>), in (latest such access opened, journey) order, read
    /// from an index of them, after <paramref name="after"/> (a page's last for the next page, or an instant and the
    /// empty id to start from), at most <paramref name="limit"/>.
    /// </summary>
    Task<IReadOnlyList<UnnotifiedEmergencyAccess>> ListUnnotifiedEmergencyAccessAsync(
        TenantId tenant, UnnotifiedEmergencyAccess? after, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// The community-referral digests (<see cref="JourneySummary.CommunityReferrals"/>) of the tenant's journeys that
    /// have any, by journey id; only those with a referral addressed to one of <paramref name="organizations"/> when given.
    /// </summary>
    Task<IReadOnlyList<JourneyReferralDigest>> ListCommunityReferralDigestsAsync(
        TenantId tenant, IReadOnlyCollection<Guid>? organizations, CancellationToken cancellationToken = default);

    /// <summary>
    /// The outcome measures of the journeys with an assessment that may fall in [<paramref name="since"/>,
    /// <paramref name="until"/>] (their first at or before <paramref name="until"/>, their latest at or after
    /// <paramref name="since"/>), read off an index: an outcome report reads what its period needs, not every journey.
    /// A row written before the caseload kept its measures carries its assessment digest instead; rows written before it
    /// kept those instants are returned too, marked not <see cref="JourneyOutcomeMeasures.Counted"/>.
    /// </summary>
    Task<IReadOnlyList<JourneyOutcomeMeasures>> ListOutcomeMeasuresAsync(TenantId tenant, DateTimeOffset? since, DateTimeOffset until, CancellationToken cancellationToken = default);

    /// <summary>How many of the tenant's journeys have an assessment, and a baseline of each instrument (rows marked not counted by <see cref="ListOutcomeMeasuresAsync"/> left out).</summary>
    Task<AssessedJourneys> CountAssessedJourneysAsync(TenantId tenant, CancellationToken cancellationToken = default);

    /// <summary>
    /// Per link worker, the journeys whose first community referral was made in [<paramref name="since"/>,
    /// <paramref name="until"/>] and how many of them had started a program by <paramref name="until"/>, counted off an
    /// index; and the referral digests of rows written before the caseload kept those instants.
    /// </summary>
    Task<ProgramConnections> CountConnectionsAsync(TenantId tenant, DateTimeOffset? since, DateTimeOffset until, CancellationToken cancellationToken = default);

    /// <summary>Throws <see cref="StorageUnavailableException"/> when the engine cannot serve requests.</summary>
    Task CheckHealthAsync(CancellationToken cancellationToken = default);
}
