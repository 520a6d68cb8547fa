namespace SocialPrescribing.Abstractions.Assessments;

/// <summary>Which way a score moves when the person is doing better.</summary>
public enum ScorePolarity
{
    /// <summary>A higher score is better, as for wellbeing and life satisfaction.</summary>
    HigherIsBetter,

    /// <summary>A lower score is better, as for depression, anxiety and loneliness.</summary>
    LowerIsBetter,
}
