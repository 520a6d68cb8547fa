using SocialPrescribing.Domain.Training;

namespace SocialPrescribing.Host.Features.Training;

/// <summary>A module on a link worker's record.</summary>
internal sealed record ProgressResponse(
    string ModuleId,
    string ModuleVersion,
    string Status,
    DateTimeOffset StartedAt,
    int Attempts,
    decimal? BestScorePercent,
    DateTimeOffset? CompletedAt,
    IReadOnlyList<CompetencyAchievement> Achievements)
{
    public static ProgressResponse From(ModuleProgress m) => new(
        m.ModuleId, m.ModuleVersion, m.IsCompleted ? "completed" : "in-progress", m.StartedAt, m.Attempts, m.BestScorePercent, m.CompletedAt, m.Achievements);
}
