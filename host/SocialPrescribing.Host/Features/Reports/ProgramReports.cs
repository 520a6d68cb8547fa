using System.Collections.Immutable;
using SocialPrescribing.Application.Journeys;
using SocialPrescribing.Domain.Journeys;
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
    /// <summary>
    /// The report of [<paramref name="first"/>, <paramref name="last"/>]: the digests of the journeys assessed across the
    /// period and of those first referred to a program in it, read off indexes, and the tenant's counts of assessed and
    /// baselined journeys; so a week costs a week's journeys, not the program's whole history.
    /// </summary>
    public async Task<ProgramOutcomeReport> OutcomesAsync(TenantSettings tenant, DateOnly? first, DateOnly last, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var start = first is { } f ? StartOf(f, tenant) : (DateTimeOffset?)null;
        var end = EndOf(last, tenant);
        // The three reads are independent: the store answers them side by side.
        var counting = caseloads.ConnectionsAsync(tenant.Id, start, end, cancellationToken);
        var (rows, assessed) = await caseloads.OutcomeMeasuresAsync(tenant.Id, start, end, cancellationToken);
        var connections = await counting;

        // Rows written before the caseload kept outcome measures give their assessment digest instead; those written
        // before it kept when assessments were taken are not in the store's counts either: count them here.
        var tally = new OutcomeTally([.. catalog.InstrumentsOf(tenant.Id).Select(i => i.Instrument)], start, end);
        var uncounted = new List<ImmutableArray<RecordedAssessment>>();
        foreach (var row in rows)
        {
            if (row.Measures is { } measures)
            {
                tally.AddText(measures);
                continue;
            }

            var assessments = AssessmentDigest.Read(row.Digest!);
            tally.Add(OutcomeMeasures.Of(assessments));
            if (!row.Counted)
            {
                uncounted.Add(assessments);
            }
        }

        var withBaseline = new Dictionary<string, int>(assessed.WithBaseline, StringComparer.Ordinal);
        foreach (var instrument in uncounted.SelectMany(a => a.Where(x => x.Timepoint == AssessmentTimepoint.Baseline).Select(x => x.Instrument).Distinct(StringComparer.Ordinal)))
        {
            withBaseline[instrument] = withBaseline.GetValueOrDefault(instrument) + 1;
        }

        var report = tally.Report(
            tenant.Id.Value,
            assessed.WithAssessments + uncounted.Count(a => !a.IsEmpty),
            withBaseline,
            uncounted.SelectMany(a => a.Select(x => x.Instrument)).ToHashSet(StringComparer.Ordinal),
            (first, last),
            time.GetUtcNow());
        return report with
        {
            Connections = ConnectionOutcomes.Compute(
                connections.Counted.Select(c => (c.LinkWorkerId, c.Referred, c.Connected)),
                connections.Uncounted.Select(r => (r.LinkWorkerId, CommunityReferralDigest.Read(r.Digest))),
                start,
                end),
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
