namespace SocialPrescribing.Host.Features.Journeys;

internal sealed record ClosureResponse(string Reason, DateTimeOffset At);
