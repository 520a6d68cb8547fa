namespace SocialPrescribing.Domain.Journeys;

/// <summary>When in the journey an assessment was taken: outcomes compare the baseline with what came after.</summary>
public enum AssessmentTimepoint
{
    /// <summary>At the start, usually at the "what matters" conversation.</summary>
    Baseline,

    /// <summary>A re-measurement while the person is in the program.</summary>
    FollowUp,

    /// <summary>The last measurement, taken as the person leaves the program.</summary>
    Discharge,
}
