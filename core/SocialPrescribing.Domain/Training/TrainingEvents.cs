using System.Collections.Immutable;
using System.Text.Json.Serialization;
using SocialPrescribing.Abstractions.Training;

namespace SocialPrescribing.Domain.Training;

/// <summary>
/// A fact about a link worker's training: immutable, appended once, carrying who caused it, when and the command
/// that did. The stream of these events is the training record; competencies are folded from it.
/// </summary>
[GenerateSerializer, Immutable, Alias("sp.TrainingEvent")]
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ModuleStarted), nameof(ModuleStarted))]
[JsonDerivedType(typeof(KnowledgeCheckTaken), nameof(KnowledgeCheckTaken))]
[JsonDerivedType(typeof(ModuleCompleted), nameof(ModuleCompleted))]
public abstract record TrainingEvent
{
    [Id(0)]
    public Guid CommandId { get; init; }

    [Id(1)]
    public string Actor { get; init; } = string.Empty;

    [Id(2)]
    public DateTimeOffset OccurredAt { get; init; }

    /// <summary>The fingerprint of the command that caused it; absent on events stored before fingerprints were kept.</summary>
    [Id(3)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? CommandFingerprint { get; init; }

    [JsonIgnore]
    public string Type => GetType().Name;
}

/// <summary>The link worker began a module (of the version the tenant's plugin offers).</summary>
[GenerateSerializer, Immutable, Alias("sp.ModuleStarted")]
public sealed record ModuleStarted(
    [property: Id(0)] string ModuleId,
    [property: Id(1)] string ModuleVersion,
    [property: Id(2)] string PluginId) : TrainingEvent;

/// <summary>One answer of a knowledge check attempt, and whether it was right.</summary>
[GenerateSerializer, Immutable, Alias("sp.TrainingAnswer")]
public sealed record TrainingAnswer(
    [property: Id(0)] string QuestionId,
    [property: Id(1)] ImmutableArray<string> OptionIds,
    [property: Id(2)] bool Correct);

/// <summary>The link worker took the module's knowledge check; the score is kept as marked at the time.</summary>
[GenerateSerializer, Immutable, Alias("sp.KnowledgeCheckTaken")]
public sealed record KnowledgeCheckTaken(
    [property: Id(0)] string ModuleId,
    [property: Id(1)] string ModuleVersion,
    [property: Id(2)] int Correct,
    [property: Id(3)] int Total,
    [property: Id(4)] decimal ScorePercent,
    [property: Id(5)] int PassMarkPercent,
    [property: Id(6)] bool Passed,
    [property: Id(7)] ImmutableArray<TrainingAnswer> Answers) : TrainingEvent;

/// <summary>A competency at a proficiency level, as a completed module evidences it.</summary>
[GenerateSerializer, Immutable, Alias("sp.CompetencyAchievement")]
public sealed record CompetencyAchievement(
    [property: Id(0)] string CompetencyId,
    [property: Id(1)] CompetencyDomain Domain,
    [property: Id(2)] ProficiencyLevel Level);

/// <summary>The link worker passed the knowledge check: the module is complete and its outcomes are theirs.</summary>
[GenerateSerializer, Immutable, Alias("sp.ModuleCompleted")]
public sealed record ModuleCompleted(
    [property: Id(0)] string ModuleId,
    [property: Id(1)] string ModuleVersion,
    [property: Id(2)] ImmutableArray<CompetencyAchievement> Achievements) : TrainingEvent;
