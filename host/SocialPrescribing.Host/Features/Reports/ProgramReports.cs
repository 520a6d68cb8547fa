using SocialPrescribing.Application.Journeys;
using SocialPrescribing.Domain.Outcomes;
using SocialPrescribing.Domain.Tenants;
using SocialPrescribing.Host.Features.Assessments;

namespace SocialPrescribing.Host.Features.Reports;

/// <summary>
/// The program's outcome report for a period of the tenant's calendar (whichever door asks: the API, the console):
/// assessment outcomes per instrument and the share of people connected to a program, from the read models alone.
/// </summary>
internal sealed class ProgramReports(CaseloadQueries caseloads, IAssessmentCatalog catalog, TimeProvider time)
{
    public async Task<ProgramOutcomeReport> OutcomesAsync(TenantSettings tenant, DateOnly? first, DateOnly last, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var digests = await caseloads.AssessmentDigestsAsync(tenant.Id, cancellationToken);
        var start = first is { } f ? StartOf(f, tenant) : (DateTimeOffset?)null;
        var end = EndOf(last, tenant);
        var referrals = await caseloads.CommunityReferralDigestsAsync(tenant.Id, cancellationToken);
        return ProgramOutcomes.Compute(
            tenant.Id.Value,
            [.. digests.Select(d => AssessmentDigest.Read(d.Digest))],
            [.. catalog.InstrumentsOf(tenant.Id).Select(i => i.Instrument)],
            start,
            end,
            (first, last),
            time.GetUtcNow()) with
        {
            Connections = ConnectionOutcomes.Compute(referrals.Select(r => (r.LinkWorkerId, CommunityReferralDigest.Read(r.Digest))), start, end),
        };
    }

    /// <summary>The instant a day starts in the tenant's time zone.</summary>
    public static DateTimeOffset StartOf(DateOnly day, TenantSettings tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, tenant.TimeZone.GetUtcOffset(local));
    }

    /// <summary>The last microsecond of a day in the tenant's time zone.</summary>
    public static DateTimeOffset EndOf(DateOnly day, TenantSettings tenant) => StartOf(day.AddDays(1), tenant).AddTicks(-TimeSpan.TicksPerMicrosecond);
}
