namespace SocialPrescribing.Abstractions.Training;

/// <summary>A competency, at a proficiency level, that completing a module shows.</summary>
/// <param name="CompetencyId">The competency, preferably one of <see cref="LinkWorkerCompetencies"/>.</param>
/// <param name="Domain">The competency's domain.</param>
/// <param name="Level">The level a link worker who completes the module has reached.</param>
public sealed record CompetencyOutcome(string CompetencyId, CompetencyDomain Domain, ProficiencyLevel Level);
