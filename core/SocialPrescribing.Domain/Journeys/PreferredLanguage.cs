namespace SocialPrescribing.Domain.Journeys;

public enum PreferredLanguage
{
    En,
    Fr,
}
