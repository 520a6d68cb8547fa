namespace SocialPrescribing.Host.Features.Journeys;

/// <summary>
/// A window of a journey's timeline, oldest first, and how many of the journey's events come before it (versions 1 to
/// <c>earlierEvents</c>; 0 at the start): the next window back is read with <c>before</c> = <c>earlierEvents</c> + 1,
/// which holds even when everything in a window is withheld from the reader.
/// </summary>
internal sealed record TimelinePageResponse(IReadOnlyList<TimelineEntry> Items, long EarlierEvents);
