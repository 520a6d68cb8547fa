using System.Collections.Immutable;
using SocialPrescribing.Abstractions.Training;

namespace SocialPrescribing.Domain.Training;

/// <summary>One module on a link worker's record.</summary>
[GenerateSerializer, Immutable, Alias("sp.ModuleProgress")]
public sealed record ModuleProgress(
    [property: Id(0)] string ModuleId,
    [property: Id(1)] string ModuleVersion,
    [property: Id(2)] string PluginId,
    [property: Id(3)] DateTimeOffset StartedAt,
    [property: Id(4)] int Attempts,
    [property: Id(5)] decimal? BestScorePercent,
    [property: Id(6)] DateTimeOffset? CompletedAt,
    [property: Id(7)] ImmutableArray<CompetencyAchievement> Achievements)
{
    public bool IsCompleted => CompletedAt is not null;
}

/// <summary>A competency on a link worker's profile: the highest level their completed modules evidence, and which modules.</summary>
public sealed record CompetencyStanding(Competency Competency, ProficiencyLevel? Level, ImmutableArray<string> EvidencedBy);

/// <summary>A link worker's training record: a left fold of its events.</summary>
[GenerateSerializer, Immutable, Alias("sp.TrainingRecord")]
public sealed record TrainingRecord
{
    public static readonly TrainingRecord Empty = new();

    [Id(0)] public long Version { get; init; }

    [Id(1)] public ImmutableList<ModuleProgress> Modules { get; init; } = [];

    public static TrainingRecord Fold(IEnumerable<TrainingEvent> events) => events.Aggregate(Empty, (r, e) => r.Apply(e));

    public ModuleProgress? Module(string moduleId) => Modules.Find(m => m.ModuleId == moduleId);

    public TrainingRecord Apply(TrainingEvent e) => When(e) with { Version = Version + 1 };

    /// <summary>Every competency of the framework, in framework order, with what the completed modules evidence.</summary>
    public ImmutableArray<CompetencyStanding> Competencies() =>
    [
        .. LinkWorkerCompetencies.All.Select(c =>
        {
            var evidence = Modules
                .Where(m => m.IsCompleted)
                .SelectMany(m => m.Achievements.Where(a => a.CompetencyId == c.Id).Select(a => (m.ModuleId, a.Level)))
                .ToList();
            return new CompetencyStanding(
                c,
                evidence.Count == 0 ? null : evidence.Max(x => x.Level),
                [.. evidence.Select(x => x.ModuleId).Distinct(StringComparer.Ordinal)]);
        }),
    ];

    private TrainingRecord When(TrainingEvent e) => e switch
    {
        ModuleStarted s => this with
        {
            Modules = Modules.Add(new ModuleProgress(s.ModuleId, s.ModuleVersion, s.PluginId, s.OccurredAt, 0, null, null, [])),
        },
        KnowledgeCheckTaken k => WithModule(k.ModuleId, m => m with
        {
            Attempts = m.Attempts + 1,
            BestScorePercent = m.BestScorePercent is { } best ? Math.Max(best, k.ScorePercent) : k.ScorePercent,
        }),
        ModuleCompleted c => WithModule(c.ModuleId, m => m with { CompletedAt = c.OccurredAt, Achievements = c.Achievements }),
        _ => throw new InvalidOperationException($"No fold for training event {e.GetType().Name}."),
    };

    private TrainingRecord WithModule(string moduleId, Func<ModuleProgress, ModuleProgress> change) =>
        this with { Modules = Modules.Select(m => m.ModuleId == moduleId ? change(m) : m).ToImmutableList() };
}
