namespace SocialPrescribing.Host.Features.Journeys;

internal sealed record ProgramRequest(string? Name, string? ServiceId = null, string? Organization = null);
