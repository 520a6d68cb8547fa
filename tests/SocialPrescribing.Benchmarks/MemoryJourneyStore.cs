using SocialPrescribing.Abstractions;
using SocialPrescribing.Storage;

namespace SocialPrescribing.Benchmarks;

/// <summary>Stores nothing and completes every append at once: the grain path without any storage (<c>probe-grain-memory</c>).</summary>
internal sealed class MemoryJourneyStore : IJourneyStore
{
    public Task<IReadOnlyList<StoredEvent>> ReadAsync(TenantId tenant, Guid journeyId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<StoredEvent>>([]);

    public Task AppendAsync(JourneyAppend append, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<JourneyPage> QueryAsync(TenantId tenant, JourneyQuery query, CancellationToken cancellationToken = default) =>
        Task.FromResult(new JourneyPage([], 0));

    public Task<IReadOnlyList<PendingFirstContactCheck>> ListPendingFirstContactChecksAsync(TenantId tenant, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<PendingFirstContactCheck>>([]);

    public Task<IReadOnlyList<JourneyAssessmentDigest>> ListAssessmentDigestsAsync(TenantId tenant, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<JourneyAssessmentDigest>>([]);

    public Task CheckHealthAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;
}
