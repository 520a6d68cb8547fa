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
        ArgumentNullException.ThrowIfNull(instruments);
        var byId = instruments.ToDictionary(i => i.Id, StringComparer.Ordinal);
        var outcomes = journeys
            .SelectMany(assessments => JourneyOutcomes.Compute(assessments, id => byId.GetValueOrDefault(id), until: to))
            .ToLookup(o => o.Instrument, StringComparer.Ordinal);

        var order = instruments.Select(i => i.Id)
            .Concat(outcomes.Select(g => g.Key).Where(id => !byId.ContainsKey(id)).Order(StringComparer.Ordinal));
        var summaries = order
            .Where(id => outcomes.Contains(id))
            .Select(id => Summarise(id, byId.GetValueOrDefault(id), [.. outcomes[id]], from));
        return new ProgramOutcomeReport(tenant, period.From, period.To, now, journeys.Count(j => !j.IsEmpty), [.. summaries]);
    }

    private static InstrumentOutcomeSummary Summarise(string id, IAssessmentInstrument? instrument, List<InstrumentOutcome> outcomes, DateTimeOffset? from)
    {
        var withBaseline = outcomes.Where(o => o.Baseline is not null).ToList();
        var measured = withBaseline.Where(o => o.Comparison is not null && (from is null || o.Latest!.RecordedAt >= from)).ToList();
        var scores = instrument is null
            ? []
            : instrument.ScoreDefinitions
                .Where(d => d.MeaningfulChange is not null)
                .Select(d => SummariseScore(d, [.. measured.Select(o => o.Comparison!.Changes.GetValueOrDefault(d.Name)).OfType<ScoreChange>()]))
                .ToImmutableArray();
        return new InstrumentOutcomeSummary(id, instrument?.Title ?? id, measured.Count, withBaseline.Count - measured.Count, scores);
    }

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
