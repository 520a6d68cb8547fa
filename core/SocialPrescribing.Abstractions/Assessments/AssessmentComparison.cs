namespace SocialPrescribing.Abstractions.Assessments;

/// <summary>The change between two results of the same instrument, score by score.</summary>
public sealed record AssessmentComparison
{
    /// <summary>The id of the instrument both results came from.</summary>
    public required string Instrument { get; init; }

    /// <summary>The change in each compared score, keyed by score name.</summary>
    public required IReadOnlyDictionary<string, ScoreChange> Changes { get; init; }
}
