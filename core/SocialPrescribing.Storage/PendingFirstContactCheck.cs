namespace SocialPrescribing.Storage;

public sealed record PendingFirstContactCheck(Guid JourneyId, DateTimeOffset DueAt);
