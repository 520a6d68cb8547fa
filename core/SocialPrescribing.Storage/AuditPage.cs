namespace SocialPrescribing.Storage;

/// <summary>
/// A page of audit entries, oldest first, and <see cref="Total"/>: how many entries match the filters, leaving
/// <see cref="AuditQuery.AfterSequence"/> and the paging out.
/// </summary>
public sealed record AuditPage(IReadOnlyList<StoredAuditEntry> Items, long Total);
