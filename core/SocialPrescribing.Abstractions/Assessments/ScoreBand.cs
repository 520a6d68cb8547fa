namespace SocialPrescribing.Abstractions.Assessments;

/// <summary>A named range of a score, for example PHQ-9 <c>mild</c> from 5 to 9.</summary>
/// <param name="Code">The band code reported in <see cref="AssessmentResult.Bands"/>, for example <c>mild</c>.</param>
/// <param name="Minimum">The lowest score in the band, inclusive.</param>
/// <param name="Maximum">The highest score in the band, inclusive.</param>
public sealed record ScoreBand(string Code, decimal Minimum, decimal Maximum)
{
    /// <summary>True when <paramref name="score"/> lies in the band, both ends included.</summary>
    public bool Contains(decimal score) => score >= Minimum && score <= Maximum;
}
