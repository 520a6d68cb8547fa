using SocialPrescribing.Abstractions;

namespace SocialPrescribing.Storage;

/// <summary>A committed journey event as the feed delivers it: where it is in the feed, whose stream, and the event.</summary>
public sealed record FeedEvent(FeedPosition Position, TenantId Tenant, Guid JourneyId, StoredEvent Event);
