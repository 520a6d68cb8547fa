namespace SocialPrescribing.Domain.Journeys;

/// <summary>The FHIR R4 Task statuses a community referral moves through, so it maps 1:1 to a closed-loop referral.</summary>
public enum CommunityReferralStatus
{
    Requested,
    Accepted,
    Rejected,
    InProgress,
    OnHold,
    Completed,
    Failed,
    Cancelled,
}
