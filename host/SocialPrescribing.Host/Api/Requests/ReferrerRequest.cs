namespace SocialPrescribing.Host.Api.Requests;

internal sealed record ReferrerRequest(string? Name, string? Organization, string? Role);
