namespace SocialPrescribing.Host.Features.Journeys;

internal sealed record ProgramRequest(string? Name = null, string? ServiceId = null, string? Organization = null);
