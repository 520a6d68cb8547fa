using System.Collections.Immutable;
using SocialPrescribing.Abstractions.Assessments;
using SocialPrescribing.Domain.Journeys;

namespace SocialPrescribing.Domain.Outcomes;

/// <summary>
/// Turns a journey's recorded assessments into outcomes. The rule is the same for one journey and for a program
/// report: the first baseline of an instrument against the latest follow-up or discharge measure taken after it.
/// </summary>
public static class JourneyOutcomes
{
    /// <summary>Outcomes per instrument, in the order each instrument was first used.</summary>
    /// <param name="assessments">The journey's assessments, in any order.</param>
    /// <param name="instruments">Finds an instrument by id; null when it is not (or no longer) available.</param>
    /// <param name="until">When given, only re-measures taken at or before this time count as the latest.</param>
    public static ImmutableArray<InstrumentOutcome> Compute(
        IEnumerable<RecordedAssessment> assessments,
        Func<string, IAssessmentInstrument?> instruments,
        DateTimeOffset? until = null)
    {
        ArgumentNullException.ThrowIfNull(instruments);
        return
        [
            .. assessments
                .OrderBy(a => a.RecordedAt)
                .GroupBy(a => a.Instrument, StringComparer.Ordinal)
                .Select(group => ForInstrument(group.Key, [.. group], instruments(group.Key), until)),
        ];
    }

    /// <summary>The result as the instrument contract sees it, for comparisons.</summary>
    public static AssessmentResult ToResult(RecordedAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        return new AssessmentResult
        {
            Instrument = assessment.Instrument,
            Version = assessment.InstrumentVersion,
            Scores = assessment.Scores.ToDictionary(s => s.Name, s => s.Value, StringComparer.Ordinal),
            Bands = assessment.Scores.Where(s => s.Band is not null).ToDictionary(s => s.Name, s => s.Band!, StringComparer.Ordinal),
            Flags = assessment.Flags,
        };
    }

    private static InstrumentOutcome ForInstrument(
        string id,
        ImmutableArray<RecordedAssessment> series,
        IAssessmentInstrument? instrument,
        DateTimeOffset? until)
    {
        var baseline = series.FirstOrDefault(a => a.Timepoint == AssessmentTimepoint.Baseline);
        var latest = baseline is null
            ? null
            : series.LastOrDefault(a => a.Timepoint != AssessmentTimepoint.Baseline
                && a.RecordedAt >= baseline.RecordedAt
                && (until is null || a.RecordedAt <= until));
        var comparison = baseline is not null && latest is not null && instrument is not null
            ? instrument.CompareChange(ToResult(baseline), ToResult(latest))
            : null;
        return new InstrumentOutcome(id, baseline, latest, series, comparison);
    }
}
