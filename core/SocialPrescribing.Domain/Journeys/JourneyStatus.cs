namespace SocialPrescribing.Domain.Journeys;

/// <summary>Where a journey stands on the pathway. <see cref="None"/> means no referral was ever received.</summary>
public enum JourneyStatus
{
    None,
    Referred,
    Accepted,
    Engaged,
    Discharged,
    Declined,
    UnableToContact,
}
