using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using SocialPrescribing.Domain.Journeys;

namespace SocialPrescribing.Domain.Outcomes;

/// <summary>
/// What an outcome report needs of one journey, per instrument: the first baseline and every follow-up or discharge
/// measure taken at or after it, each as its time and scores. Kept on the caseload row in a compact text of its own
/// (a few dozen bytes a journey, read without a JSON parser), so a year's report reads numbers rather than digests.
/// </summary>
/// <remarks>
/// The text has a line per instrument: its id, then for the baseline and each re-measure a tab, the time (UTC ticks),
/// a tab and the scores as <c>name=value</c> separated by <c>;</c>. An instrument used without a baseline is a line with
/// its id alone. Ids and names escape <c>%</c>, tab, line feed, <c>=</c> and <c>;</c> as <c>%XX</c>; values are invariant
/// decimals, so they read back exactly.
/// </remarks>
public static class OutcomeMeasures
{
    /// <summary>One measure: when it was taken and its scores.</summary>
    public sealed record Measure(DateTimeOffset At, ImmutableArray<AssessmentScore> Scores);

    /// <summary>One instrument's series on a journey: its first baseline (null when none) and the re-measures after it, oldest first.</summary>
    public sealed record Series(string Instrument, Measure? Baseline, ImmutableArray<Measure> Remeasures)
    {
        /// <summary>The latest re-measure taken at or before <paramref name="until"/> (any when null), or null.</summary>
        public Measure? LatestUntil(DateTimeOffset? until)
        {
            for (var i = Remeasures.Length - 1; i >= 0; i--)
            {
                if (until is null || Remeasures[i].At <= until)
                {
                    return Remeasures[i];
                }
            }

            return null;
        }
    }

    /// <summary>
    /// The series of <paramref name="assessments"/>, one per instrument in the order each was first used: the same rule
    /// as <see cref="JourneyOutcomes"/> (the first baseline against the follow-up or discharge measures taken after it).
    /// </summary>
    public static ImmutableArray<Series> Of(IEnumerable<RecordedAssessment> assessments) =>
        [
            .. assessments
                .OrderBy(a => a.RecordedAt)
                .GroupBy(a => a.Instrument, StringComparer.Ordinal)
                .Select(group =>
                {
                    var baseline = group.FirstOrDefault(a => a.Timepoint == AssessmentTimepoint.Baseline);
                    return baseline is null
                        ? new Series(group.Key, null, [])
                        : new Series(
                            group.Key,
                            new Measure(baseline.RecordedAt, baseline.Scores),
                            [.. group.Where(a => a.Timepoint != AssessmentTimepoint.Baseline && a.RecordedAt >= baseline.RecordedAt).Select(a => new Measure(a.RecordedAt, a.Scores))]);
                }),
        ];

    /// <summary>The text of <paramref name="assessments"/>' series; null when there are none, empty when none has an instrument.</summary>
    public static string? Write(IReadOnlyCollection<RecordedAssessment> assessments)
    {
        ArgumentNullException.ThrowIfNull(assessments);
        if (assessments.Count == 0)
        {
            return null;
        }

        var text = new StringBuilder();
        foreach (var series in Of(assessments))
        {
            if (text.Length > 0)
            {
                text.Append('\n');
            }

            Escape(text, series.Instrument);
            if (series.Baseline is { } baseline)
            {
                Append(text, baseline);
                foreach (var measure in series.Remeasures)
                {
                    Append(text, measure);
                }
            }
        }

        return text.ToString();
    }

    /// <summary>The series of a text <see cref="Write"/> wrote.</summary>
    /// <exception cref="FormatException">The text is not one <see cref="Write"/> wrote.</exception>
    public static ImmutableArray<Series> Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return [];
        }

        var result = ImmutableArray.CreateBuilder<Series>();
        foreach (var line in text.Split('\n'))
        {
            var fields = line.Split('\t');
            if (fields.Length % 2 == 0)
            {
                throw new FormatException("An outcome-measures line holds an instrument and pairs of a time and scores.");
            }

            var measures = new Measure[(fields.Length - 1) / 2];
            for (var i = 0; i < measures.Length; i++)
            {
                measures[i] = new Measure(
                    new DateTimeOffset(long.Parse(fields[1 + (2 * i)], NumberStyles.None, CultureInfo.InvariantCulture), TimeSpan.Zero),
                    ReadScores(fields[2 + (2 * i)]));
            }

            result.Add(new Series(Unescape(fields[0]), measures.Length == 0 ? null : measures[0], [.. measures.Skip(1)]));
        }

        return result.DrainToImmutable();
    }

    private static void Append(StringBuilder text, Measure measure)
    {
        text.Append('\t').Append(measure.At.UtcTicks.ToString(CultureInfo.InvariantCulture)).Append('\t');
        for (var i = 0; i < measure.Scores.Length; i++)
        {
            if (i > 0)
            {
                text.Append(';');
            }

            Escape(text, measure.Scores[i].Name);
            text.Append('=').Append(measure.Scores[i].Value.ToString(CultureInfo.InvariantCulture));
        }
    }

    private static ImmutableArray<AssessmentScore> ReadScores(string field)
    {
        if (field.Length == 0)
        {
            return [];
        }

        var parts = field.Split(';');
        var scores = new AssessmentScore[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            var equals = parts[i].IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                throw new FormatException("An outcome-measures score is written name=value.");
            }

            scores[i] = new AssessmentScore(
                Unescape(parts[i][..equals]),
                decimal.Parse(parts[i].AsSpan(equals + 1), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture),
                null);
        }

        return ImmutableArray.Create(scores);
    }

    private static void Escape(StringBuilder text, string value)
    {
        foreach (var c in value)
        {
            if (c is '%' or '\t' or '\n' or '=' or ';')
            {
                text.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                text.Append(c);
            }
        }
    }

    private static string Unescape(string value) => value.Contains('%', StringComparison.Ordinal) ? Uri.UnescapeDataString(value) : value;
}
