using System.Collections.Immutable;
using SocialPrescribing.Domain.Journeys;

namespace SocialPrescribing.Domain.Training;

/// <summary>What a training command does to a record: the events it raises, or why it cannot run.</summary>
public sealed record TrainingDecision(ImmutableArray<TrainingEvent> Events, CommandRejection? Rejection);

/// <summary>The rules of a link worker's training record.</summary>
public static class TrainingDecider
{
    public static TrainingDecision Decide(TrainingRecord record, TrainingCommand command, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(record);
        return command switch
        {
            StartModule s => record.Module(s.ModuleId) switch
            {
                null => Append(command, now, new ModuleStarted(s.ModuleId, s.ModuleVersion, s.PluginId)),
                { IsCompleted: true } done => Completed(done),
                // A module under way is simply carried on.
                _ => new TrainingDecision([], null),
            },
            RecordKnowledgeCheck k => record.Module(k.ModuleId) switch
            {
                null => Reject(RejectionKind.Conflict, "Start the module before taking its knowledge check.", "moduleId"),
                { IsCompleted: true } done => Completed(done),
                var m => Append(
                    command,
                    now,
                    [
                        new KnowledgeCheckTaken(k.ModuleId, m.ModuleVersion, k.Correct, k.Total, k.ScorePercent, k.PassMarkPercent, k.Passed, k.Answers),
                        .. k.Passed ? [new ModuleCompleted(k.ModuleId, m.ModuleVersion, k.Achievements)] : Array.Empty<TrainingEvent>(),
                    ]),
            },
            _ => throw new InvalidOperationException($"No decision for training command {command.GetType().Name}."),
        };
    }

    private static TrainingDecision Completed(ModuleProgress module) =>
        Reject(RejectionKind.Conflict, $"The module was completed on {module.CompletedAt:yyyy-MM-dd}.", "moduleId");

    private static TrainingDecision Append(TrainingCommand command, DateTimeOffset now, params TrainingEvent[] events) =>
        new([.. events.Select(e => e with { CommandId = command.CommandId, Actor = command.Actor, OccurredAt = now, CommandFingerprint = command.Fingerprint })], null);

    private static TrainingDecision Reject(RejectionKind kind, string detail, string field) =>
        new([], new CommandRejection(kind, detail, field, []));
}
