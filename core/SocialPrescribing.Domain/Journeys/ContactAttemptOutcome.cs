namespace SocialPrescribing.Domain.Journeys;

public enum ContactAttemptOutcome
{
    NoAnswer,
    LeftMessage,
    WrongNumber,
    Busy,
    Other,
}
