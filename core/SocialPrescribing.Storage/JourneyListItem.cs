namespace SocialPrescribing.Storage;

public sealed record JourneyListItem(Guid JourneyId, long Version, JourneySummary Summary);
