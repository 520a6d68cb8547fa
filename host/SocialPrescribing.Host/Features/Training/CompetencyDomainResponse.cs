namespace SocialPrescribing.Host.Features.Training;

internal sealed record CompetencyDomainResponse(string Domain, IReadOnlyList<CompetencyResponse> Competencies);
