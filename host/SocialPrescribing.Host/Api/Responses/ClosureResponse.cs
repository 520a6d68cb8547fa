namespace SocialPrescribing.Host.Api.Responses;

internal sealed record ClosureResponse(string Reason, DateTimeOffset At);
