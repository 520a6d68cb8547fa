using SocialPrescribing.Abstractions.Assessments;

namespace SocialPrescribing.Assessments;

/// <summary>The parts of scoring and comparing every built-in instrument does the same way.</summary>
internal static class InstrumentScoring
{
    /// <summary>A result carrying the given scores, each banded by its definition.</summary>
    public static AssessmentResult Result(
        IAssessmentInstrument instrument, IEnumerable<(string Name, decimal Value)> scores, IReadOnlyList<string> flags)
    {
        var values = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var bands = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in scores)
        {
            var definition = instrument.ScoreDefinitions.Single(d => d.Name == name);
            values.Add(name, value);
            if (definition.BandFor(value) is { } band)
            {
                bands.Add(name, band);
            }
        }

        return new AssessmentResult
        {
            Instrument = instrument.Id,
            Version = instrument.Version,
            Scores = values,
            Bands = bands,
            Flags = flags,
        };
    }

    /// <summary>Every score with a meaningful-change rule that both results carry, judged by that rule.</summary>
    public static AssessmentComparison Compare(IAssessmentInstrument instrument, AssessmentResult baseline, AssessmentResult latest)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(latest);
        EnsureFrom(instrument, baseline, nameof(baseline));
        EnsureFrom(instrument, latest, nameof(latest));

        var changes = new Dictionary<string, ScoreChange>(StringComparer.Ordinal);
        foreach (var definition in instrument.ScoreDefinitions)
        {
            if (definition.MeaningfulChange is not null
                && baseline.Scores.TryGetValue(definition.Name, out var before)
                && latest.Scores.TryGetValue(definition.Name, out var after))
            {
                changes.Add(definition.Name, definition.Compare(before, after));
            }
        }

        return new AssessmentComparison { Instrument = instrument.Id, Changes = changes };
    }

    /// <summary>
    /// The items with tenant-supplied wording, one text per item in order; the keys, answers and ranges stay
    /// as they are, so scores do not depend on who wrote the words.
    /// </summary>
    public static IReadOnlyList<AssessmentItem> WithTexts(IReadOnlyList<AssessmentItem> items, IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (texts.Count != items.Count)
        {
            throw new ArgumentException(
                $"Expected {items.Count} item texts, one per item in order, but received {texts.Count}.",
                nameof(texts));
        }

        if (texts.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("Every item text must have some wording.", nameof(texts));
        }

        return [.. items.Select((item, i) => item with { Text = texts[i] })];
    }

    private static void EnsureFrom(IAssessmentInstrument instrument, AssessmentResult result, string parameter)
    {
        if (!string.Equals(result.Instrument, instrument.Id, StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"The result came from '{result.Instrument}', not from '{instrument.Id}'.", parameter);
        }
    }
}
