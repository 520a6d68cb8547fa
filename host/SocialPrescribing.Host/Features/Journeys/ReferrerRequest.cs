namespace SocialPrescribing.Host.Features.Journeys;

internal sealed record ReferrerRequest(string? Name, string? Organization, string? Role);
