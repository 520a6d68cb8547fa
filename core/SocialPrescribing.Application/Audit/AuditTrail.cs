using SocialPrescribing.Application.Access;
using SocialPrescribing.Storage;

namespace SocialPrescribing.Application.Audit;

/// <summary>
/// Writes the audit log's entries for the use cases: who (the <see cref="Caller"/>), when, whose record, what kind of
/// information and action, allowed or denied, from which request and address. An access is recorded before its
/// answer leaves, through the <see cref="AuditWriter"/> (queued, or durable with <see cref="AuditOptions.WaitForDurable"/>).
/// </summary>
public sealed class AuditTrail(AuditWriter writer, TimeProvider time)
{
    /// <summary>Records one access to one record (or to none, with <paramref name="journeyId"/> null).</summary>
    public ValueTask RecordAsync(Caller caller, Guid? journeyId, RecordAccess access, bool allowed = true) =>
        writer.WriteAsync([Entry(caller, journeyId, access, allowed)]);

    /// <summary>Records the same access to each of several records (the rows of a page), as one write.</summary>
    public ValueTask RecordEachAsync(Caller caller, IEnumerable<Guid> journeyIds, RecordAccess access)
    {
        ArgumentNullException.ThrowIfNull(journeyIds);
        return writer.WriteAsync([.. journeyIds.Select(id => Entry(caller, id, access, allowed: true))]);
    }

    /// <summary>Returns once every access recorded before the call is in the log (for a reader of the log).</summary>
    public Task FlushAsync() => writer.FlushAsync();

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
