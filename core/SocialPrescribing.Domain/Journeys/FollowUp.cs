namespace SocialPrescribing.Domain.Journeys;

public sealed record FollowUp(Guid Id, DateOnly DueOn, DateTimeOffset ScheduledAt);
