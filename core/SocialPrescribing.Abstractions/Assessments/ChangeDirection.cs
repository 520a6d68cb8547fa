namespace SocialPrescribing.Abstractions.Assessments;

/// <summary>How a score moved between a baseline and a later result, judged by the instrument's rule.</summary>
public enum ChangeDirection
{
    /// <summary>The score moved at least the meaningful amount, the better way.</summary>
    MeaningfulImprovement,

    /// <summary>The score moved at least the meaningful amount, the worse way.</summary>
    MeaningfulDeterioration,

    /// <summary>The score did not move by the meaningful amount either way.</summary>
    NoMeaningfulChange,
}
