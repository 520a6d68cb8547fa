namespace SocialPrescribing.Host.Features.Assessments;

/// <summary><c>POST …/assessments/{instrument}/score</c>: responses in item order, as integers.</summary>
internal sealed record ScoreRequest(IReadOnlyList<int>? Responses);
