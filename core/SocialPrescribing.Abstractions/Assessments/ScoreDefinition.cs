namespace SocialPrescribing.Abstractions.Assessments;

/// <summary>
/// One score an instrument reports: its range, the bands it falls into, which way is better, and how far it
/// must move between two results for the change to count as meaningful.
/// </summary>
public sealed record ScoreDefinition
{
    /// <summary>The name the score is reported under, for example <c>total</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The lowest score possible.</summary>
    public required decimal Minimum { get; init; }

    /// <summary>The highest score possible.</summary>
    public required decimal Maximum { get; init; }

    /// <summary>Which way the score moves when the person is doing better.</summary>
    public required ScorePolarity Polarity { get; init; }

    /// <summary>
    /// The smallest change, either way, that counts as meaningful; or <see langword="null"/> when the score has no
    /// rule of its own (it is then left out of comparisons, and judged through another score).
    /// </summary>
    public required decimal? MeaningfulChange { get; init; }

    /// <summary>The bands covering the score's range, lowest first; empty when the score is not banded.</summary>
    public required IReadOnlyList<ScoreBand> Bands { get; init; }

    /// <summary>The code of the band <paramref name="score"/> falls in, or null when no band contains it.</summary>
    public string? BandFor(decimal score)
    {
        foreach (var band in Bands)
        {
            if (band.Contains(score))
            {
                return band.Code;
            }
        }

        return null;
    }

    /// <summary>
    /// Judges the move from <paramref name="baseline"/> to <paramref name="latest"/>: meaningful when its size is
    /// at least <see cref="MeaningfulChange"/>, an improvement when it goes the way <see cref="Polarity"/> says is better.
    /// </summary>
    /// <exception cref="InvalidOperationException">The score has no meaningful-change rule.</exception>
    public ScoreChange Compare(decimal baseline, decimal latest)
    {
        if (MeaningfulChange is not { } threshold)
        {
            throw new InvalidOperationException($"The score '{Name}' has no meaningful-change rule of its own.");
        }

        var change = latest - baseline;
        var direction = Math.Abs(change) < threshold
            ? ChangeDirection.NoMeaningfulChange
            : (change > 0) == (Polarity == ScorePolarity.HigherIsBetter)
                ? ChangeDirection.MeaningfulImprovement
                : ChangeDirection.MeaningfulDeterioration;
        return new ScoreChange(baseline, latest, change, direction);
    }
}
