using SocialPrescribing.Abstractions;

namespace SocialPrescribing.Storage;

/// <summary>
/// Durable streams of records that are not journeys — a link worker's training record, and the state of any other
/// grain — kept by kind and id within a tenant, with the same guarantees as journey streams: appends are
/// all-or-nothing at an expected version, durable when the task completes, and every call is scoped to one tenant.
/// </summary>
public interface IRecordStreamStore
{
    /// <summary>The stream's records in version order (1, 2, …); empty when the stream does not exist.</summary>
    /// <param name="tenant">The tenant the stream belongs to.</param>
    /// <param name="kind">What the stream holds, <c>[a-z0-9-]{1,32}</c>, for example <c>link-worker-training</c>.</param>
    /// <param name="streamId">The stream within its kind, 1 to 128 characters, for example a link worker's id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<IReadOnlyList<StoredEvent>> ReadStreamAsync(TenantId tenant, string kind, string streamId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Appends records in one transaction, durable when the task completes. Throws
    /// <see cref="StreamVersionConflictException"/> when the stream is not at <see cref="RecordAppend.ExpectedVersion"/>,
    /// appending nothing.
    /// </summary>
    Task AppendStreamAsync(RecordAppend append, CancellationToken cancellationToken = default);

    /// <summary>The ids of a tenant's streams of a kind, in ordinal order.</summary>
    Task<IReadOnlyList<string>> ListStreamsAsync(TenantId tenant, string kind, CancellationToken cancellationToken = default);
}
