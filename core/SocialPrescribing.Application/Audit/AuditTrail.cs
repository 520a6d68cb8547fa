using SocialPrescribing.Application.Access;
using SocialPrescribing.Storage;

namespace SocialPrescribing.Application.Audit;

/// <summary>
/// Writes the audit log's entries for the use cases: who (the <see cref="Caller"/>), when, whose record, what kind of
/// information and action, allowed or denied, from which request and address. An access is recorded before its
/// answer leaves, and durably: when the log cannot be written, the answer is not given.
/// </summary>
public sealed class AuditTrail(IAuditLog log, TimeProvider time)
{
    /// <summary>Records one access to one record (or to none, with <paramref name="journeyId"/> null).</summary>
    public Task RecordAsync(Caller caller, Guid? journeyId, RecordAccess access, bool allowed = true) =>
        log.AppendAsync([Entry(caller, journeyId, access, allowed)], CancellationToken.None);

    /// <summary>Records the same access to each of several records (the rows of a page), as one write.</summary>
    public Task RecordEachAsync(Caller caller, IEnumerable<Guid> journeyIds, RecordAccess access)
    {
        ArgumentNullException.ThrowIfNull(journeyIds);
        var entries = journeyIds.Select(id => Entry(caller, id, access, allowed: true)).ToList();
        return entries.Count == 0 ? Task.CompletedTask : log.AppendAsync(entries, CancellationToken.None);
    }

    /// <summary>The entry for an access, stamped now.</summary>
    public AuditEntry Entry(Caller caller, Guid? journeyId, RecordAccess access, bool allowed)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(access);
        return new AuditEntry(
            caller.Tenant,
            time.GetUtcNow(),
            caller.Id,
            caller.Roles.Count == 0 ? null : string.Join(',', caller.Roles.Order(StringComparer.Ordinal)),
            caller.Client,
            journeyId,
            access.Category,
            access.Action,
            allowed ? AuditEntry.Allowed : AuditEntry.Denied,
            caller.Purpose,
            caller.BreakGlassReason,
            caller.RequestId,
            caller.SourceAddress);
    }
}
