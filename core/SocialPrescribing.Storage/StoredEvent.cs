namespace SocialPrescribing.Storage;

/// <summary>An event as stored: its position in the stream and its serialized body.</summary>
public sealed record StoredEvent(long Version, string Type, string Data, Guid CommandId, string Actor, DateTimeOffset OccurredAt);
