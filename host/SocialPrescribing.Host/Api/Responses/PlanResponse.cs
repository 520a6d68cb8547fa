namespace SocialPrescribing.Host.Api.Responses;

internal sealed record PlanResponse(IReadOnlyList<string> Goals, DateTimeOffset AgreedAt);
