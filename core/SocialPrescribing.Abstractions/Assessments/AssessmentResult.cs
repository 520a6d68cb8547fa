namespace SocialPrescribing.Abstractions.Assessments;

/// <summary>The scores, bands and flags of one completed administration of an instrument.</summary>
public sealed record AssessmentResult
{
    /// <summary>The id of the instrument that produced the result, for example <c>phq9</c>.</summary>
    public required string Instrument { get; init; }

    /// <summary>The version of the scoring rules that produced the result.</summary>
    public required string Version { get; init; }

    /// <summary>Every score, keyed by score name, for example <c>total</c>.</summary>
    public required IReadOnlyDictionary<string, decimal> Scores { get; init; }

    /// <summary>The band code of each banded score, keyed by score name, for example <c>total</c> → <c>mild</c>.</summary>
    public required IReadOnlyDictionary<string, string> Bands { get; init; }

    /// <summary>
    /// Codes the host must act on whatever the scores say, for example <see cref="AssessmentFlags.SelfHarmRisk"/>;
    /// empty when none was raised.
    /// </summary>
    public required IReadOnlyList<string> Flags { get; init; }
}
