namespace SocialPrescribing.Host.Api.Requests;

internal sealed record ProgramRequest(string? Name, string? ServiceId, string? Organization);
