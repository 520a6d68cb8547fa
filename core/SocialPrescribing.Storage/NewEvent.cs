namespace SocialPrescribing.Storage;

/// <summary>An event to append; the store gives it the next version.</summary>
public sealed record NewEvent(string Type, string Data, Guid CommandId, string Actor, DateTimeOffset OccurredAt);
