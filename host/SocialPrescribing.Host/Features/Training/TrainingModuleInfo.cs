using SocialPrescribing.Abstractions.Training;

namespace SocialPrescribing.Host.Features.Training;

/// <summary>A training module as the host holds it: described once, at start-up, through the bounded invoker.</summary>
public sealed record TrainingModuleInfo(
    string Id,
    string Version,
    string Title,
    string Summary,
    IReadOnlyList<CompetencyOutcome> Outcomes,
    IReadOnlyList<Lesson> Lessons,
    KnowledgeCheck KnowledgeCheck,
    string PluginId);
