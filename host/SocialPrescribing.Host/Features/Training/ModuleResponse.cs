using SocialPrescribing.Abstractions.Training;
using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Training;

namespace SocialPrescribing.Host.Features.Training;

/// <summary>A training module as a link worker sees it: everything but the answers.</summary>
internal sealed record ModuleResponse(
    string Id,
    string Version,
    string Title,
    string Summary,
    string Source,
    IReadOnlyList<CompetencyOutcome> Outcomes,
    IReadOnlyList<Lesson> Lessons,
    KnowledgeCheckResponse KnowledgeCheck)
{
    public static ModuleResponse From(TrainingModuleInfo m) => new(
        m.Id,
        m.Version,
        m.Title,
        m.Summary,
        m.PluginId,
        m.Outcomes,
        m.Lessons,
        new KnowledgeCheckResponse(
            m.KnowledgeCheck.PassMarkPercent,
            [.. m.KnowledgeCheck.Questions.Select(q => new QuestionResponse(q.Id, q.Prompt, q.Options, q.CorrectOptionIds.Count > 1))]));
}

/// <summary>The knowledge check without its answers; <c>multipleAnswers</c> says when more than one option is right.</summary>
internal sealed record KnowledgeCheckResponse(int PassMarkPercent, IReadOnlyList<QuestionResponse> Questions);

internal sealed record QuestionResponse(string Id, string Prompt, IReadOnlyList<AnswerOption> Options, bool MultipleAnswers);

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

/// <summary>A marked knowledge check attempt and where the module stands after it.</summary>
internal sealed record AttemptResponse(
    string ModuleId,
    int Correct,
    int Total,
    decimal ScorePercent,
    int PassMarkPercent,
    bool Passed,
    IReadOnlyList<QuestionResult> Questions,
    ProgressResponse Progress);

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

internal sealed record CompetencyDomainResponse(string Domain, IReadOnlyList<CompetencyResponse> Competencies);

internal sealed record CompetencyResponse(string Id, string Title, string? Level, IReadOnlyList<string> EvidencedBy);
