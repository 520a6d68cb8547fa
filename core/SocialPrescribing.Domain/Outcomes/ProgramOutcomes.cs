using System.Collections.Immutable;
using SocialPrescribing.Abstractions.Assessments;
using SocialPrescribing.Domain.Journeys;

namespace SocialPrescribing.Domain.Outcomes;

/// <summary>
/// Aggregates journeys' outcomes into a <see cref="ProgramOutcomeReport"/>. Per instrument, a person (journey)
/// counts when they have a baseline and a follow-up or discharge measure taken after it within the period; their
/// latest such measure is compared with the baseline using the instrument's own meaningful-change rule.
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
        return Compute(tenant, journeys.Select(j => OutcomeMeasures.Of(j)), journeys.Count(j => !j.IsEmpty), baselines, used, instruments, from, to, period, now);
    }

    /// <summary>
    /// The same report from the journeys a period needs: <paramref name="candidates"/> are at least the journeys with an
    /// assessment in the period (any others are harmless), each as its <see cref="OutcomeMeasures"/> series, and the
    /// counts over every journey come apart, so a short period reads few journeys.
    /// </summary>
    /// <param name="tenant">The tenant id.</param>
    /// <param name="candidates">Each candidate journey's series, one per instrument.</param>
    /// <param name="journeysWithAssessments">How many of the tenant's journeys have any assessment.</param>
    /// <param name="withBaseline">Per instrument, how many of the tenant's journeys have its baseline.</param>
    /// <param name="used">The instruments used by any of the tenant's journeys beyond those the counts name, if known.</param>
    /// <param name="instruments">The tenant's instruments, in catalogue order.</param>
    /// <param name="from">The first instant of the period, or null for no lower bound.</param>
    /// <param name="to">The last instant of the period.</param>
    /// <param name="period">The period as days in the tenant's calendar, for the report's heading.</param>
    /// <param name="now">When the report is computed.</param>
    public static ProgramOutcomeReport Compute(
        string tenant,
        IEnumerable<ImmutableArray<OutcomeMeasures.Series>> candidates,
        int journeysWithAssessments,
        IReadOnlyDictionary<string, int> withBaseline,
        IReadOnlySet<string> used,
        IReadOnlyList<IAssessmentInstrument> instruments,
        DateTimeOffset? from,
        DateTimeOffset to,
        (DateOnly? From, DateOnly To) period,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var tally = new OutcomeTally(instruments, from, to);
        foreach (var journey in candidates)
        {
            tally.Add(journey);
        }

        return tally.Report(tenant, journeysWithAssessments, withBaseline, used, period, now);
    }
}
