using SocialPrescribing.Abstractions;
using SocialPrescribing.Storage;

namespace SocialPrescribing.Benchmarks;

/// <summary>An audit log that keeps nothing: the "auditing off" side of the audited benchmark, never used by the host.</summary>
internal sealed class NoAuditLog : IAuditLog
{
    public Task AppendAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken = default)
    {
        AuditEntry.ValidateAll(entries);
        return Task.CompletedTask;
    }

    public Task<AuditPage> QueryAsync(TenantId tenant, AuditQuery query, CancellationToken cancellationToken = default) => Task.FromResult(new AuditPage([], 0));

    public Task<AuditVerification> VerifyAsync(TenantId tenant, CancellationToken cancellationToken = default) => Task.FromResult(new AuditVerification(tenant, 0, 0, null, null, null));

    public Task<AuditPurge> PurgeAsync(TenantId tenant, DateTimeOffset before, CancellationToken cancellationToken = default) =>
        Task.FromResult(new AuditPurge(tenant, 0, AuditChainHead.Empty, new AuditVerification(tenant, 0, 0, null, null, null)));

    public Task<IReadOnlyList<TenantId>> ListAuditedTenantsAsync(CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<TenantId>>([]);
}
