using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Storage;

namespace SocialPrescribing.Host.Features.Audit;

/// <summary>One entry of the audit log: who dealt with whose record, when, how, and whether it was allowed; with its place in the tenant's hash chain.</summary>
internal sealed record AuditEntryResponse(
    long Sequence,
    DateTimeOffset At,
    string Actor,
    string? Roles,
    string? Client,
    Guid? JourneyId,
    string Category,
    string Action,
    string Outcome,
    string? Purpose,
    string? BreakGlassReason,
    string? RequestId,
    string? SourceAddress,
    string Hash)
{
    public static AuditEntryResponse From(StoredAuditEntry stored)
    {
        var e = stored.Entry;
        return new(stored.Sequence, e.At, e.Actor, e.Roles, e.Client, e.JourneyId, e.Category, e.Action, e.Outcome, e.Purpose, e.BreakGlassReason, e.RequestId, e.SourceAddress, stored.Hash);
    }
}

/// <summary>A page of audit entries, oldest first, and how many match the filters in all.</summary>
internal sealed record AuditLogResponse(IReadOnlyList<AuditEntryResponse> Items, int Page, int PageSize, long Total);

/// <summary>
/// The outcome of walking the tenant's audit chain: intact, or the first entry where it breaks (<c>changed</c>,
/// <c>removed</c>, <c>reordered</c>, <c>broken-link</c>) and a sentence naming sequences only.
/// </summary>
internal sealed record AuditVerificationResponse(string Tenant, bool Intact, long Entries, long Head, long? BrokenAt, string? Break, string? Detail)
{
    public static AuditVerificationResponse From(AuditVerification verification) => new(
        verification.Tenant.Value,
        verification.IsIntact,
        verification.Entries,
        verification.Head,
        verification.BrokenAt,
        verification.Break is { } kind ? WireNames.Of(kind) : null,
        verification.Detail);
}

/// <summary>"Who looked at my record": every access to one person's record, gathered by who, what and how.</summary>
/// <param name="JourneyId">Whose record.</param>
/// <param name="GeneratedAt">When the report was made.</param>
/// <param name="From">The start of the period (inclusive), or null for since the record began.</param>
/// <param name="To">The end of the period (exclusive), or null for up to now.</param>
/// <param name="Entries">How many audit entries the report was made from.</param>
/// <param name="Truncated">True when the record had more entries than a report reads; narrow it with from and to.</param>
/// <param name="Accesses">The lines of the report, earliest first.</param>
internal sealed record AccessReportResponse(
    Guid JourneyId, DateTimeOffset GeneratedAt, DateTimeOffset? From, DateTimeOffset? To, long Entries, bool Truncated, IReadOnlyList<AccessReportLine> Accesses);

/// <summary>One line of an access report: the same person (or system) doing the same thing, how often and between when.</summary>
/// <param name="Actor">The account or client id.</param>
/// <param name="Who">The name shown for it: the account's display name, or the id of a system.</param>
/// <param name="Roles">The roles held when dealing with the record, comma-separated.</param>
/// <param name="Client">The client application it came through, if any.</param>
/// <param name="Category">The kind of information (journey, caseload, assessment, document…).</param>
/// <param name="Action">What was done (read, list, print, or the command's name for a change).</param>
/// <param name="Outcome">allowed or denied.</param>
/// <param name="Times">How many times.</param>
/// <param name="First">The first time in the period.</param>
/// <param name="Last">The last time in the period.</param>
/// <param name="EmergencyReasons">The reasons given for emergency (break-glass) access, if any.</param>
internal sealed record AccessReportLine(
    string Actor,
    string Who,
    string? Roles,
    string? Client,
    string Category,
    string Action,
    string Outcome,
    int Times,
    DateTimeOffset First,
    DateTimeOffset Last,
    IReadOnlyList<string> EmergencyReasons);
