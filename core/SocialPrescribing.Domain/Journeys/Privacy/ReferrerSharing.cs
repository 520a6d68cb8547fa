namespace SocialPrescribing.Domain.Journeys.Privacy;

/// <summary>How much of the journey the person agrees to share with the referrer (the message back, progress updates).</summary>
public enum ReferrerSharing
{
    /// <summary>Nothing: the referrer hears nothing about the journey. The default until the person says otherwise.</summary>
    None,

    /// <summary>The journey's status and dates only (accepted, engaged, discharged…): codes, no content.</summary>
    StatusOnly,

    /// <summary>A summary of the journey: what matters, the plan, community referrals and outcomes, less anything withheld by a lock-box directive.</summary>
    FullSummary,
}
