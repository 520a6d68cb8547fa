using SocialPrescribing.Abstractions.Assessments;
using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Outcomes;

namespace SocialPrescribing.Host.Features.Assessments;

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
