namespace SocialPrescribing.Domain.Journeys;

public enum ContactMode
{
    Phone,
    InPerson,
    Video,
    Text,
}
