using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Training;

namespace SocialPrescribing.Host.Features.Training;

/// <summary>A link worker's competency profile, by domain of the framework.</summary>
internal sealed record CompetencyProfileResponse(string LinkWorkerId, IReadOnlyList<CompetencyDomainResponse> Domains)
{
    public static CompetencyProfileResponse From(string linkWorkerId, TrainingRecord record) => new(
        linkWorkerId,
        [
            .. record.Competencies()
                .GroupBy(c => c.Competency.Domain)
                .Select(g => new CompetencyDomainResponse(
                    WireNames.Of(g.Key),
                    [.. g.Select(c => new CompetencyResponse(c.Competency.Id, c.Competency.Title, c.Level is { } l ? WireNames.Of(l) : null, c.EvidencedBy))])),
        ]);
}
