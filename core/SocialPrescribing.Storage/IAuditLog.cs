using SocialPrescribing.Abstractions;

namespace SocialPrescribing.Storage;

/// <summary>
/// The audit log (PHIPA s.10.1): append-only, one hash chain per tenant (<see cref="AuditChain"/>), so that a changed,
/// removed or reordered entry is found by <see cref="VerifyAsync"/>. Engines refuse updates and deletes in the
/// database itself, not only here.
/// </summary>
public interface IAuditLog
{
    /// <summary>
    /// Appends entries, possibly of several tenants, each at the end of its tenant's chain in list order, all or
    /// none, durable when the task completes. Throws <see cref="ArgumentException"/>, writing nothing, when any entry
    /// fails <see cref="AuditEntry.Validate"/>.
    /// </summary>
    Task AppendAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken = default);

    /// <summary>A page of a tenant's entries matching <paramref name="query"/>, oldest first.</summary>
    Task<AuditPage> QueryAsync(TenantId tenant, AuditQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Walks the tenant's whole chain from its first kept entry (linked to the anchor a purge left, if any), as of one
    /// moment, and reports where it breaks.
    /// </summary>
    Task<AuditVerification> VerifyAsync(TenantId tenant, CancellationToken cancellationToken = default);

    /// <summary>
    /// Removes the tenant's oldest entries, those written before <paramref name="before"/> (a prefix of the chain: none
    /// written at or after it, even one numbered earlier), and moves the chain's anchor to the last one removed, all in
    /// one transaction. Verifies the chain first and removes nothing when it is broken. Runs with the rights of the
    /// store's owner: the application's own role may not delete entries.
    /// </summary>
    Task<AuditPurge> PurgeAsync(TenantId tenant, DateTimeOffset before, CancellationToken cancellationToken = default);

    /// <summary>The tenants that have audit entries, in ordinal order, for verifying every chain.</summary>
    Task<IReadOnlyList<TenantId>> ListAuditedTenantsAsync(CancellationToken cancellationToken = default);
}
