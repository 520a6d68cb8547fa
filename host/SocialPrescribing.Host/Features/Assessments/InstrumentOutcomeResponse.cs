using SocialPrescribing.Abstractions.Assessments;
using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Outcomes;

namespace SocialPrescribing.Host.Features.Assessments;

/// <summary>A journey's outcomes: per instrument, baseline against the latest re-measure.</summary>
internal sealed record JourneyOutcomesResponse(Guid JourneyId, IReadOnlyList<InstrumentOutcomeResponse> Instruments);

/// <summary>
/// One instrument's outcome. <c>changes</c> holds each score with a meaningful-change rule, judged by that rule;
/// it is empty until there is a baseline and a later follow-up or discharge measure.
/// </summary>
internal sealed record InstrumentOutcomeResponse(
    string Instrument,
    string Title,
    AssessmentPoint? Baseline,
    AssessmentPoint? Latest,
    IReadOnlyDictionary<string, ScoreChangeResponse> Changes,
    IReadOnlyList<AssessmentPoint> Series)
{
    public static InstrumentOutcomeResponse From(InstrumentOutcome outcome, IAssessmentInstrument? instrument)
    {
        var definitions = instrument?.ScoreDefinitions.ToDictionary(d => d.Name, StringComparer.Ordinal) ?? [];
        return new InstrumentOutcomeResponse(
            outcome.Instrument,
            instrument?.Title ?? outcome.Instrument,
            AssessmentPoint.OrNull(outcome.Baseline),
            AssessmentPoint.OrNull(outcome.Latest),
            outcome.Comparison?.Changes.ToDictionary(
                c => c.Key,
                c => new ScoreChangeResponse(
                    c.Value.Baseline,
                    c.Value.Latest,
                    c.Value.Change,
                    WireNames.Of(c.Value.Direction),
                    definitions[c.Key].MeaningfulChange!.Value,
                    WireNames.Of(definitions[c.Key].Polarity)),
                StringComparer.Ordinal) ?? [],
            [.. outcome.Series.Select(AssessmentPoint.From)]);
    }
}

/// <summary>One measure in an outcome series.</summary>
internal sealed record AssessmentPoint(
    Guid AssessmentId,
    string Timepoint,
    DateTimeOffset RecordedAt,
    IReadOnlyDictionary<string, decimal> Scores,
    IReadOnlyDictionary<string, string> Bands)
{
    public static AssessmentPoint From(RecordedAssessment a) => new(
        a.Id,
        WireNames.Of(a.Timepoint),
        a.RecordedAt,
        a.Scores.ToDictionary(s => s.Name, s => s.Value, StringComparer.Ordinal),
        a.Scores.Where(s => s.Band is not null).ToDictionary(s => s.Name, s => s.Band!, StringComparer.Ordinal));

    public static AssessmentPoint? OrNull(RecordedAssessment? a) => a is null ? null : From(a);
}

/// <summary>How a score moved, and the rule it was judged by: the threshold and which way is better.</summary>
internal sealed record ScoreChangeResponse(decimal Baseline, decimal Latest, decimal Change, string Direction, decimal MeaningfulChange, string Polarity);
