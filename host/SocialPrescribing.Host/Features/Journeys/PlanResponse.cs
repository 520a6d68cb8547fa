namespace SocialPrescribing.Host.Features.Journeys;

internal sealed record PlanResponse(IReadOnlyList<string> Goals, DateTimeOffset AgreedAt);
