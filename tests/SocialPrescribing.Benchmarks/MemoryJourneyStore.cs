using SocialPrescribing.Abstractions;
using SocialPrescribing.Storage;

namespace SocialPrescribing.Benchmarks;

/// <summary>
/// Stores nothing and completes every append at once: the grain path without any storage (<c>probe-grain-memory</c>).
/// Its feed is always empty.
/// </summary>
internal sealed class MemoryJourneyStore : IJourneyStore, IEventFeed
{
    public Task<int> ConsumeAsync(
        string consumer, int max, IReadOnlySet<string>? only, Func<IReadOnlyList<FeedEvent>, CancellationToken, Task> handle, CancellationToken cancellationToken = default) =>
        Task.FromResult(0);

    public Task<FeedPosition?> CheckpointAsync(string consumer, CancellationToken cancellationToken = default) => Task.FromResult<FeedPosition?>(null);

    public Task ResetAsync(string consumer, FeedPosition position, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<FeedPosition> HeadAsync(CancellationToken cancellationToken = default) => Task.FromResult(FeedPosition.Start);

    public Task<IReadOnlyList<StoredEvent>> ReadAsync(TenantId tenant, Guid journeyId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<StoredEvent>>([]);

    public Task AppendAsync(JourneyAppend append, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<JourneyTail> ReadTailAsync(TenantId tenant, Guid journeyId, string snapshotKind, int eventsBeforeSnapshot, CancellationToken cancellationToken = default) =>
        Task.FromResult(new JourneyTail(null, []));

    public Task SaveSnapshotAsync(TenantId tenant, Guid journeyId, JourneySnapshot snapshot, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<JourneyPage> QueryAsync(TenantId tenant, JourneyQuery query, CancellationToken cancellationToken = default) =>
        Task.FromResult(new JourneyPage([], 0));

    public Task<IReadOnlyList<JourneyListItem>> FindSameClientAsync(TenantId tenant, string clientName, DateOnly birthDate, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<JourneyListItem>>([]);

    public Task<IReadOnlyList<FirstContactTime>> ListFirstContactTimesAsync(TenantId tenant, DateTimeOffset since, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<FirstContactTime>>([]);

    public Task<IReadOnlyList<CaseloadTally>> TallyCaseloadsAsync(TenantId tenant, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<CaseloadTally>>([]);

    public Task<IReadOnlyList<PendingFirstContactCheck>> ListPendingFirstContactChecksAsync(
        TenantId tenant, DateTimeOffset? dueBy, PendingFirstContactCheck? after, int limit, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<PendingFirstContactCheck>>([]);

    public Task<IReadOnlyList<AwaitedPartnerAnswer>> ListAwaitedPartnerAnswersAsync(
        TenantId tenant, DateTimeOffset? madeBy, AwaitedPartnerAnswer? after, int limit, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<AwaitedPartnerAnswer>>([]);

    public Task<IReadOnlyList<UnnotifiedEmergencyAccess>> ListUnnotifiedEmergencyAccessAsync(
        TenantId tenant, UnnotifiedEmergencyAccess? after, int limit, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<UnnotifiedEmergencyAccess>>([]);

    public Task<IReadOnlyList<JourneyOutcomeMeasures>> ListOutcomeMeasuresAsync(TenantId tenant, DateTimeOffset? since, DateTimeOffset until, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<JourneyOutcomeMeasures>>([]);

    public Task<AssessedJourneys> CountAssessedJourneysAsync(TenantId tenant, CancellationToken cancellationToken = default) =>
        Task.FromResult(new AssessedJourneys(0, new Dictionary<string, int>()));

    public Task<ProgramConnections> CountConnectionsAsync(TenantId tenant, DateTimeOffset? since, DateTimeOffset until, CancellationToken cancellationToken = default) =>
        Task.FromResult(new ProgramConnections([], []));

    public Task<IReadOnlyList<JourneyReferralDigest>> ListCommunityReferralDigestsAsync(
        TenantId tenant, IReadOnlyCollection<Guid>? organizations, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<JourneyReferralDigest>>([]);

    public Task CheckHealthAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;
}
