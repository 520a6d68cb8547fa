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
        ArgumentNullException.ThrowIfNull(withBaseline);
        ArgumentNullException.ThrowIfNull(used);
        ArgumentNullException.ThrowIfNull(instruments);
        var tallies = instruments.ToDictionary(i => i.Id, i => new Tally(i), StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var series in candidates.SelectMany(journey => journey))
        {
            seen.Add(series.Instrument);
            if (series.Baseline is { } baseline
                && series.LatestUntil(to) is { } latest
                && (from is null || latest.At >= from)
                && tallies.TryGetValue(series.Instrument, out var tally))
            {
                tally.Add(baseline, latest);
            }
        }

        var present = used.Concat(withBaseline.Keys).Concat(seen).ToHashSet(StringComparer.Ordinal);
        var order = instruments.Select(i => i.Id).Where(present.Contains)
            .Concat(present.Where(id => !tallies.ContainsKey(id)).Order(StringComparer.Ordinal));
        var summaries = order.Select(id => tallies.TryGetValue(id, out var tally)
            ? tally.Summarise(withBaseline.GetValueOrDefault(id))
            : new InstrumentOutcomeSummary(id, id, 0, withBaseline.GetValueOrDefault(id), []));
        return new ProgramOutcomeReport(tenant, period.From, period.To, now, journeysWithAssessments, [.. summaries]);
    }

    /// <summary>One instrument's people measured in the period and, per score with a meaningful-change rule, their changes.</summary>
    private sealed class Tally(IAssessmentInstrument instrument)
    {
        private readonly Dictionary<string, List<ScoreChange>> _changes = instrument.ScoreDefinitions
            .Where(d => d.MeaningfulChange is not null)
            .ToDictionary(d => d.Name, _ => new List<ScoreChange>(), StringComparer.Ordinal);

        private int _people;

        public void Add(OutcomeMeasures.Measure baseline, OutcomeMeasures.Measure latest)
        {
            var comparison = instrument.CompareChange(ResultOf(baseline), ResultOf(latest));
            _people++;
            foreach (var (score, change) in comparison.Changes)
            {
                _changes.GetValueOrDefault(score)?.Add(change);
            }
        }

        public InstrumentOutcomeSummary Summarise(int withBaseline) => new(
            instrument.Id,
            instrument.Title,
            _people,
            Math.Max(0, withBaseline - _people),
            [.. instrument.ScoreDefinitions.Where(d => d.MeaningfulChange is not null).Select(d => SummariseScore(d, _changes[d.Name]))]);

        private AssessmentResult ResultOf(OutcomeMeasures.Measure measure)
        {
            var scores = new Dictionary<string, decimal>(measure.Scores.Length, StringComparer.Ordinal);
            foreach (var score in measure.Scores)
            {
                scores[score.Name] = score.Value;
            }

            return new AssessmentResult { Instrument = instrument.Id, Version = instrument.Version, Scores = scores, Bands = NoBands, Flags = [] };
        }
    }

    private static readonly IReadOnlyDictionary<string, string> NoBands = new Dictionary<string, string>(StringComparer.Ordinal);

    private static ScoreOutcomeSummary SummariseScore(ScoreDefinition definition, List<ScoreChange> changes)
    {
        var people = changes.Count;
        var improved = changes.Count(c => c.Direction == ChangeDirection.MeaningfulImprovement);
        var deteriorated = changes.Count(c => c.Direction == ChangeDirection.MeaningfulDeterioration);
        return new ScoreOutcomeSummary(
            definition.Name,
            definition.Polarity == ScorePolarity.HigherIsBetter,
            definition.MeaningfulChange!.Value,
            definition.Minimum,
            definition.Maximum,
            people,
            Mean(changes, c => c.Baseline),
            Mean(changes, c => c.Latest),
            Mean(changes, c => c.Change),
            improved,
            deteriorated,
            people == 0 ? 0m : Math.Round((decimal)improved / people, 4, MidpointRounding.AwayFromZero));
    }

    private static decimal Mean(List<ScoreChange> changes, Func<ScoreChange, decimal> value) =>
        changes.Count == 0 ? 0m : Math.Round(changes.Sum(value) / changes.Count, 2, MidpointRounding.AwayFromZero);
}
