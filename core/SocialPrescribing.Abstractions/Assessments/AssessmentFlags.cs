namespace SocialPrescribing.Abstractions.Assessments;

/// <summary>
/// Flag codes with a meaning shared across instruments, so a host can react to them without knowing which
/// instrument raised them.
/// </summary>
public static class AssessmentFlags
{
    /// <summary>
    /// The person reported thoughts of self-harm or of being better off dead. The host must raise a safety
    /// alert for the link worker, whatever the instrument's total.
    /// </summary>
    public const string SelfHarmRisk = "self-harm-risk";
}
