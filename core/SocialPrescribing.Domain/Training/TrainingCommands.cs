using System.Collections.Immutable;

namespace SocialPrescribing.Domain.Training;

/// <summary>A request to change a link worker's training record.</summary>
[GenerateSerializer, Immutable, Alias("sp.TrainingCommand")]
public abstract record TrainingCommand
{
    [Id(0)]
    public required Guid CommandId { get; init; }

    [Id(1)]
    public required string Actor { get; init; }

    /// <summary>A digest of the request, as on <see cref="Journeys.Commands.JourneyCommand.Fingerprint"/>.</summary>
    [Id(2)]
    public string? Fingerprint { get; init; }
}

/// <summary>Starts a module; starting one already under way changes nothing.</summary>
[GenerateSerializer, Immutable, Alias("sp.cmd.StartModule")]
public sealed record StartModule(
    [property: Id(0)] string ModuleId,
    [property: Id(1)] string ModuleVersion,
    [property: Id(2)] string PluginId) : TrainingCommand;

/// <summary>Records a marked knowledge check attempt; a pass completes the module with <see cref="Achievements"/>.</summary>
[GenerateSerializer, Immutable, Alias("sp.cmd.RecordKnowledgeCheck")]
public sealed record RecordKnowledgeCheck(
    [property: Id(0)] string ModuleId,
    [property: Id(1)] int Correct,
    [property: Id(2)] int Total,
    [property: Id(3)] decimal ScorePercent,
    [property: Id(4)] int PassMarkPercent,
    [property: Id(5)] bool Passed,
    [property: Id(6)] ImmutableArray<TrainingAnswer> Answers,
    [property: Id(7)] ImmutableArray<CompetencyAchievement> Achievements) : TrainingCommand;
