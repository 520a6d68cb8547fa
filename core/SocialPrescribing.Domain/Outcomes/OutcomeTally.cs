using System.Collections.Immutable;
using SocialPrescribing.Abstractions.Assessments;

namespace SocialPrescribing.Domain.Outcomes;

/// <summary>
/// Sums a period's outcomes journey by journey into a <see cref="ProgramOutcomeReport"/>. Per instrument, a person
/// (journey) counts when they have a baseline and a follow-up or discharge measure taken after it within the period;
/// their latest such measure is compared with the baseline score by score, each by its definition's meaningful-change
/// rule (<see cref="ScoreDefinition.Compare"/>, the rule every instrument's comparison applies). Only sums are kept, so
/// a year of journeys costs a pass over their measures; <see cref="AddText"/> reads a journey's
/// <see cref="OutcomeMeasures"/> text in place, parsing only the two measures it compares.
/// </summary>
/// <remarks>Not safe for use from several threads at once.</remarks>
public sealed class OutcomeTally
{
    private readonly IReadOnlyList<IAssessmentInstrument> _instruments;
    private readonly Dictionary<string, InstrumentSums> _sums;
    private readonly Dictionary<string, InstrumentSums>.AlternateLookup<ReadOnlySpan<char>> _sumsBySpan;
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _seenBySpan;
    private readonly long? _fromTicks;
    private readonly long _toTicks;

    /// <param name="instruments">The tenant's instruments, in catalogue order.</param>
    /// <param name="from">The first instant of the period, or null for no lower bound.</param>
    /// <param name="to">The last instant of the period.</param>
    public OutcomeTally(IReadOnlyList<IAssessmentInstrument> instruments, DateTimeOffset? from, DateTimeOffset to)
    {
        ArgumentNullException.ThrowIfNull(instruments);
        _instruments = instruments;
        _sums = instruments.ToDictionary(i => i.Id, i => new InstrumentSums(i), StringComparer.Ordinal);
        _sumsBySpan = _sums.GetAlternateLookup<ReadOnlySpan<char>>();
        _seenBySpan = _seen.GetAlternateLookup<ReadOnlySpan<char>>();
        (_fromTicks, _toTicks) = (from?.UtcTicks, to.UtcTicks);
    }

    /// <summary>Adds one journey's series.</summary>
    public void Add(ImmutableArray<OutcomeMeasures.Series> journey)
    {
        foreach (var series in journey)
        {
            _seen.Add(series.Instrument);
            if (series.Baseline is { } baseline
                && series.LatestUntil(new DateTimeOffset(_toTicks, TimeSpan.Zero)) is { } latest
                && (_fromTicks is null || latest.At.UtcTicks >= _fromTicks)
                && _sums.TryGetValue(series.Instrument, out var sums))
            {
                sums.Add(baseline.Scores, latest.Scores);
            }
        }
    }

    /// <summary>Adds one journey given as the text <see cref="OutcomeMeasures.Write"/> wrote.</summary>
    /// <exception cref="FormatException">The text is not one <see cref="OutcomeMeasures.Write"/> wrote.</exception>
    public void AddText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            AddLine(OutcomeMeasures.NextLine(ref rest));
        }
    }

    /// <summary>The report, with the counts over all the tenant's journeys that the journeys added do not give.</summary>
    /// <param name="tenant">The tenant id.</param>
    /// <param name="journeysWithAssessments">How many of the tenant's journeys have any assessment.</param>
    /// <param name="withBaseline">Per instrument, how many of the tenant's journeys have its baseline.</param>
    /// <param name="used">The instruments used by any of the tenant's journeys beyond those the counts name, if known.</param>
    /// <param name="period">The period as days in the tenant's calendar, for the report's heading.</param>
    /// <param name="now">When the report is computed.</param>
    public ProgramOutcomeReport Report(
        string tenant,
        int journeysWithAssessments,
        IReadOnlyDictionary<string, int> withBaseline,
        IReadOnlySet<string> used,
        (DateOnly? From, DateOnly To) period,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(withBaseline);
        ArgumentNullException.ThrowIfNull(used);
        var present = used.Concat(withBaseline.Keys).Concat(_seen).ToHashSet(StringComparer.Ordinal);
        var order = _instruments.Select(i => i.Id).Where(present.Contains)
            .Concat(present.Where(id => !_sums.ContainsKey(id)).Order(StringComparer.Ordinal));
        var summaries = order.Select(id => _sums.TryGetValue(id, out var sums)
            ? sums.Summarise(withBaseline.GetValueOrDefault(id))
            : new InstrumentOutcomeSummary(id, id, 0, withBaseline.GetValueOrDefault(id), []));
        return new ProgramOutcomeReport(tenant, period.From, period.To, now, journeysWithAssessments, [.. summaries]);
    }

    private void AddLine(ReadOnlySpan<char> line)
    {
        var fields = line;
        var name = OutcomeMeasures.NextField(ref fields);
        var instrument = OutcomeMeasures.IsEscaped(name) ? OutcomeMeasures.Unescape(name) : null;
        if (instrument is null ? !_seenBySpan.Contains(name) : !_seen.Contains(instrument))
        {
            _seen.Add(instrument ?? name.ToString());
        }

        // The baseline's time and scores, then each re-measure's, oldest first: the latest at or before the period's end.
        var baselineScores = ReadOnlySpan<char>.Empty;
        var latestScores = ReadOnlySpan<char>.Empty;
        long? latestTicks = null;
        for (var index = 0; !fields.IsEmpty; index++)
        {
            var ticks = OutcomeMeasures.NextMeasure(ref fields, out var scores);
            if (index == 0)
            {
                baselineScores = scores;
            }
            else if (ticks <= _toTicks)
            {
                latestTicks = ticks;
                latestScores = scores;
            }
            else
            {
                break;
            }
        }

        if (latestTicks is { } at
            && (_fromTicks is null || at >= _fromTicks)
            && (instrument is null ? _sumsBySpan.TryGetValue(name, out var sums) : _sums.TryGetValue(instrument, out sums)))
        {
            sums.Add(baselineScores, latestScores);
        }
    }

    /// <summary>One instrument's people measured in the period and, per score with a meaningful-change rule, the sums of their changes.</summary>
    private sealed class InstrumentSums
    {
        private readonly IAssessmentInstrument _instrument;
        private readonly ScoreDefinition[] _definitions;
        private readonly ScoreSums[] _scores;
        private readonly decimal?[] _before;
        private readonly decimal?[] _after;
        private int _people;

        public InstrumentSums(IAssessmentInstrument instrument)
        {
            _instrument = instrument;
            _definitions = [.. instrument.ScoreDefinitions.Where(d => d.MeaningfulChange is not null)];
            _scores = [.. _definitions.Select(_ => new ScoreSums())];
            _before = new decimal?[_definitions.Length];
            _after = new decimal?[_definitions.Length];
        }

        public void Add(ImmutableArray<Journeys.AssessmentScore> baseline, ImmutableArray<Journeys.AssessmentScore> latest)
        {
            Array.Clear(_before);
            Array.Clear(_after);
            foreach (var score in baseline)
            {
                Set(_before, score.Name, score.Value);
            }

            foreach (var score in latest)
            {
                Set(_after, score.Name, score.Value);
            }

            Compare();
        }

        public void Add(ReadOnlySpan<char> baseline, ReadOnlySpan<char> latest)
        {
            Array.Clear(_before);
            Array.Clear(_after);
            Read(_before, baseline);
            Read(_after, latest);
            Compare();
        }

        public InstrumentOutcomeSummary Summarise(int withBaseline) => new(
            _instrument.Id,
            _instrument.Title,
            _people,
            Math.Max(0, withBaseline - _people),
            [.. _definitions.Select((d, i) => _scores[i].Summarise(d))]);

        private void Compare()
        {
            _people++;
            for (var i = 0; i < _definitions.Length; i++)
            {
                if (_before[i] is { } before && _after[i] is { } after)
                {
                    _scores[i].Add(_definitions[i].Compare(before, after));
                }
            }
        }

        private void Read(decimal?[] values, ReadOnlySpan<char> scores)
        {
            while (OutcomeMeasures.NextScore(ref scores, out var name, out var value))
            {
                if (OutcomeMeasures.IsEscaped(name))
                {
                    Set(values, OutcomeMeasures.Unescape(name), value);
                }
                else
                {
                    Set(values, name, value);
                }
            }
        }

        private void Set(decimal?[] values, ReadOnlySpan<char> name, decimal value)
        {
            for (var i = 0; i < _definitions.Length; i++)
            {
                if (name.SequenceEqual(_definitions[i].Name))
                {
                    values[i] = value;
                    return;
                }
            }
        }
    }

    /// <summary>The sums of one score's changes across the people measured.</summary>
    private sealed class ScoreSums
    {
        private int _people;
        private int _improved;
        private int _deteriorated;
        private decimal _baseline;
        private decimal _latest;
        private decimal _change;

        public void Add(ScoreChange change)
        {
            _people++;
            _baseline += change.Baseline;
            _latest += change.Latest;
            _change += change.Change;
            if (change.Direction == ChangeDirection.MeaningfulImprovement)
            {
                _improved++;
            }
            else if (change.Direction == ChangeDirection.MeaningfulDeterioration)
            {
                _deteriorated++;
            }
        }

        public ScoreOutcomeSummary Summarise(ScoreDefinition definition) => new(
            definition.Name,
            definition.Polarity == ScorePolarity.HigherIsBetter,
            definition.MeaningfulChange!.Value,
            definition.Minimum,
            definition.Maximum,
            _people,
            Mean(_baseline),
            Mean(_latest),
            Mean(_change),
            _improved,
            _deteriorated,
            _people == 0 ? 0m : Math.Round((decimal)_improved / _people, 4, MidpointRounding.AwayFromZero));

        private decimal Mean(decimal sum) => _people == 0 ? 0m : Math.Round(sum / _people, 2, MidpointRounding.AwayFromZero);
    }
}
