namespace SocialPrescribing.Host.Features.Journeys;

/// <summary>The referral-to-first-contact clock.</summary>
internal sealed record FirstContactResponse(DateTimeOffset? DueAt, DateTimeOffset? MadeAt, bool Overdue, DateTimeOffset? OverdueAt);
