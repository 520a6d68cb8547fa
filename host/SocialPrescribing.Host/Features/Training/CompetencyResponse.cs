namespace SocialPrescribing.Host.Features.Training;

internal sealed record CompetencyResponse(string Id, string Title, string? Level, IReadOnlyList<string> EvidencedBy);
