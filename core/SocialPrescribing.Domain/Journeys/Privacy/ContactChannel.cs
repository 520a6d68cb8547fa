namespace SocialPrescribing.Domain.Journeys.Privacy;

/// <summary>A way the program may reach the person.</summary>
public enum ContactChannel
{
    Phone,
    Sms,
    Email,
    Letter,
    InPerson,
    Video,
}
