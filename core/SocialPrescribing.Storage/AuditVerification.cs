using SocialPrescribing.Abstractions;

namespace SocialPrescribing.Storage;

/// <summary>
/// The outcome of walking a tenant's audit chain: intact, or the first sequence where it breaks and why.
/// <see cref="Detail"/> names sequences only, never what the entries say.
/// </summary>
/// <param name="Tenant">The tenant whose chain was walked.</param>
/// <param name="Entries">How many entries were read, up to and including the first break.</param>
/// <param name="Head">The sequence of the chain's last entry as recorded when appending.</param>
/// <param name="BrokenAt">The first sequence that failed, or null when the chain is intact.</param>
/// <param name="Break">Why it failed, or null when the chain is intact.</param>
/// <param name="Detail">A sentence for people, or null when the chain is intact.</param>
public sealed record AuditVerification(TenantId Tenant, long Entries, long Head, long? BrokenAt, AuditChainBreak? Break, string? Detail)
{
    /// <summary>True when every entry matches its hash and links to the one before it, without gaps.</summary>
    public bool IsIntact => Break is null;
}
