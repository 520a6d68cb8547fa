using System.Collections.Immutable;
using SocialPrescribing.Abstractions.Assessments;
using SocialPrescribing.Domain.Journeys;

namespace SocialPrescribing.Domain.Outcomes;

/// <summary>
/// Aggregates journeys' outcomes into a <see cref="ProgramOutcomeReport"/>. Per instrument, a person (journey)
/// counts when they have a baseline and a follow-up or discharge measure taken after it within the period; their
/// latest such measure is compared with the baseline, each score by its definition's meaningful-change rule (see
/// <see cref="OutcomeTally"/>, which the host's report uses on the measures kept on the caseload).
/// </summary>
public static class ProgramOutcomes
{
    /// <param name="tenant">The tenant id.</param>
    /// <param name="journeys">Each journey's assessments (digests are enough: scores, timepoints and times).</param>
    /// <param name="instruments">The tenant's instruments, in catalogue order.</param>
    /// <param name="from">The first instant of the period, or null for no lower bound.</param>
    /// <param name="to">The last instant of the period.</param>
    /// <param name="period">The period as days in the tenant's calendar, for the report's heading.</param>
    /// <param name="now">When the report is computed.</param>
    public static ProgramOutcomeReport Compute(
        string tenant,
        IReadOnlyCollection<ImmutableArray<RecordedAssessment>> journeys,
        IReadOnlyList<IAssessmentInstrument> instruments,
        DateTimeOffset? from,
        DateTimeOffset to,
        (DateOnly? From, DateOnly To) period,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(journeys);
        var baselines = journeys
            .SelectMany(assessments => assessments.Where(a => a.Timepoint == AssessmentTimepoint.Baseline).Select(a => a.Instrument).Distinct(StringComparer.Ordinal))
            .GroupBy(id => id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var used = journeys.SelectMany(assessments => assessments.Select(a => a.Instrument)).ToHashSet(StringComparer.Ordinal);
        var tally = new OutcomeTally(instruments, from, to);
        foreach (var journey in journeys)
        {
            tally.Add(OutcomeMeasures.Of(journey));
        }

        return tally.Report(tenant, journeys.Count(j => !j.IsEmpty), baselines, used, period, now);
    }
}
