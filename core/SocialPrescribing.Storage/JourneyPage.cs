namespace SocialPrescribing.Storage;

public sealed record JourneyPage(IReadOnlyList<JourneyListItem> Items, long Total);
