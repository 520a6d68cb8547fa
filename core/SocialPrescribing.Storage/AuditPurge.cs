using SocialPrescribing.Abstractions;

namespace SocialPrescribing.Storage;

/// <summary>
/// The outcome of purging a tenant's audit entries older than its retention: how many were removed, and where the
/// kept chain now starts (the sequence and hash of the last entry removed, which the first kept entry links to).
/// Nothing is removed from a chain that fails verification: <see cref="Verification"/> then says where it breaks.
/// </summary>
/// <param name="Tenant">The tenant whose chain was purged.</param>
/// <param name="Purged">How many entries were removed by this purge.</param>
/// <param name="Anchor">Where the kept chain starts (<see cref="AuditChainHead.Empty"/> when nothing was ever purged).</param>
/// <param name="Verification">The chain as verified before the purge.</param>
public sealed record AuditPurge(TenantId Tenant, long Purged, AuditChainHead Anchor, AuditVerification Verification);
