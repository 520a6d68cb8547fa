using System.Runtime.CompilerServices;
using SocialPrescribing.Application.Access;
using SocialPrescribing.Domain.Access;
using SocialPrescribing.Storage;

namespace SocialPrescribing.Application.Audit;

/// <summary>
/// What privacy officers read of the audit log: searches, the access report for one person, exports and the chain's
/// verification. Reading the log is itself an access and is recorded first, so it shows in what it returns.
/// </summary>
public sealed class AuditQueries(IAuditLog log, AuditTrail audit)
{
    /// <summary>The most entries an access report walks; past it the report says it is cut short.</summary>
    public const int MaxReportEntries = 50_000;

    /// <summary>One page of the tenant's entries matching <paramref name="query"/>, oldest first.</summary>
    /// <exception cref="AccessDeniedException">The caller is not a privacy officer of the tenant.</exception>
    public async Task<AuditPage> SearchAsync(Caller caller, AuditQuery query, RecordAccess? access = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Validate();
        await DemandAsync(caller, query.JourneyId, access ?? RecordAccess.AuditSearch);
        return await log.QueryAsync(caller.Tenant, query, cancellationToken);
    }

    /// <summary>Every entry about one person's record between <paramref name="from"/> and <paramref name="to"/>, oldest first, up to <see cref="MaxReportEntries"/>.</summary>
    /// <exception cref="AccessDeniedException">The caller is not a privacy officer of the tenant.</exception>
    public async IAsyncEnumerable<StoredAuditEntry> AboutAsync(
        Caller caller, Guid journeyId, DateTimeOffset? from, DateTimeOffset? to, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await DemandAsync(caller, journeyId, RecordAccess.AccessReport);
        var query = new AuditQuery { JourneyId = journeyId, From = from, To = to, PageSize = AuditQuery.MaxPageSize };
        var read = 0;
        while (read < MaxReportEntries)
        {
            var page = await log.QueryAsync(caller.Tenant, query, cancellationToken);
            foreach (var entry in page.Items)
            {
                yield return entry;
            }

            read += page.Items.Count;
            if (page.Items.Count < query.PageSize)
            {
                yield break;
            }

            query = query with { AfterSequence = page.Items[^1].Sequence };
        }
    }

    /// <summary>Walks the tenant's chain and reports where, if anywhere, it breaks.</summary>
    /// <exception cref="AccessDeniedException">The caller is not a privacy officer of the tenant.</exception>
    public async Task<AuditVerification> VerifyAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        await DemandAsync(caller, null, RecordAccess.AuditVerification);
        return await log.VerifyAsync(caller.Tenant, cancellationToken);
    }

    private async Task DemandAsync(Caller caller, Guid? journeyId, RecordAccess access)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var allowed = caller.IsSystem || caller.HasRole(AccessRoles.PrivacyOfficer);
        await audit.RecordAsync(caller, journeyId, access, allowed);
        if (!allowed)
        {
            throw new AccessDeniedException("The audit log is for the tenant's privacy officers.");
        }

        // Everything this host recorded up to now, this very read included, is in the log before it is read.
        await audit.FlushAsync();
    }
}
