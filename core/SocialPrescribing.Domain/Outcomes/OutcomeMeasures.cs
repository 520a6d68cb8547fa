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
        var result = ImmutableArray.CreateBuilder<Series>();
        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            var fields = NextLine(ref rest);
            var instrument = Unescape(NextField(ref fields));
            var measures = new List<Measure>();
            while (!fields.IsEmpty)
            {
                var ticks = NextMeasure(ref fields, out var scores);
                var read = ImmutableArray.CreateBuilder<AssessmentScore>();
                while (NextScore(ref scores, out var name, out var value))
                {
                    read.Add(new AssessmentScore(Unescape(name), value, null));
                }

                measures.Add(new Measure(new DateTimeOffset(ticks, TimeSpan.Zero), read.DrainToImmutable()));
            }

            result.Add(new Series(instrument, measures.Count == 0 ? null : measures[0], [.. measures.Skip(1)]));
        }

        return result.DrainToImmutable();
    }

    /// <summary>The next instrument's line of a text, taken off <paramref name="text"/>.</summary>
    internal static ReadOnlySpan<char> NextLine(scoped ref ReadOnlySpan<char> text) => Next(ref text, '\n');

    /// <summary>A line's instrument id (still escaped), taken off <paramref name="line"/>, which is left with its measures.</summary>
    internal static ReadOnlySpan<char> NextField(scoped ref ReadOnlySpan<char> line) => Next(ref line, '\t');

    /// <summary>The next measure of a line's <paramref name="measures"/>: its time (UTC ticks), and its scores' text in <paramref name="scores"/>.</summary>
    /// <exception cref="FormatException">The measure has no time, or no scores field after it.</exception>
    internal static long NextMeasure(scoped ref ReadOnlySpan<char> measures, out ReadOnlySpan<char> scores)
    {
        var tab = measures.IndexOf('\t');
        if (tab < 0 || !long.TryParse(measures[..tab], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks))
        {
            throw new FormatException("An outcome-measures line holds an instrument and pairs of a time and scores.");
        }

        measures = measures[(tab + 1)..];
        scores = Next(ref measures, '\t');
        return ticks;
    }

    /// <summary>The next score of a measure's <paramref name="scores"/>: its name (still escaped) and value; false when none is left.</summary>
    /// <exception cref="FormatException">The score is not written <c>name=value</c>.</exception>
    internal static bool NextScore(scoped ref ReadOnlySpan<char> scores, out ReadOnlySpan<char> name, out decimal value)
    {
        if (scores.IsEmpty)
        {
            name = [];
            value = 0m;
            return false;
        }

        var pair = Next(ref scores, ';');
        var equals = pair.IndexOf('=');
        if (equals < 0
            || !decimal.TryParse(pair[(equals + 1)..], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value))
        {
            throw new FormatException("An outcome-measures score is written name=value.");
        }

        name = pair[..equals];
        return true;
    }

    /// <summary>Whether an id or name read from the text was escaped (then <see cref="Unescape"/> it).</summary>
    internal static bool IsEscaped(ReadOnlySpan<char> value) => value.Contains('%');

    /// <summary>An id or name as it was before <see cref="Write"/> escaped it.</summary>
    internal static string Unescape(ReadOnlySpan<char> value) => IsEscaped(value) ? Uri.UnescapeDataString(value.ToString()) : value.ToString();

    private static ReadOnlySpan<char> Next(scoped ref ReadOnlySpan<char> text, char separator)
    {
        var end = text.IndexOf(separator);
        var part = end < 0 ? text : text[..end];
        text = end < 0 ? [] : text[(end + 1)..];
        return part;
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
}
