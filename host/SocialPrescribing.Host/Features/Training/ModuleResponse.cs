using SocialPrescribing.Abstractions.Training;

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
