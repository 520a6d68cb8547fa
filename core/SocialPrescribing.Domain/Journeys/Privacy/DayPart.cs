namespace SocialPrescribing.Domain.Journeys.Privacy;

/// <summary>A part of the day the person prefers to be contacted in, in the program's time zone.</summary>
public enum DayPart
{
    Morning,
    Afternoon,
    Evening,
}
