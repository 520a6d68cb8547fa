using System.Collections.Immutable;
using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Training;

namespace SocialPrescribing.Grains.Training;

/// <summary>A link worker's training record. Key: <c>{tenant}/{linkWorkerId}</c> (see <see cref="LinkWorkerTrainingKey"/>).</summary>
[Alias("sp.ILinkWorkerTrainingGrain")]
public interface ILinkWorkerTrainingGrain : IGrainWithStringKey
{
    /// <summary>Decides the command against the record and durably appends its events before returning; a repeated command id appends nothing.</summary>
    [Alias("Execute")]
    Task<TrainingOutcome> Execute(TrainingCommand command);

    /// <summary>The record as the grain holds it, folded from its events (<see cref="TrainingRecord.Empty"/> for a link worker with none).</summary>
    [Alias("GetRecord")]
    Task<TrainingRecord> GetRecord();
}

/// <summary>What a training command did: the events it appended (none when replayed or nothing to do), or why it was refused.</summary>
[GenerateSerializer, Immutable, Alias("sp.TrainingOutcome")]
public sealed record TrainingOutcome(
    [property: Id(0)] ImmutableArray<TrainingEvent> Events,
    [property: Id(1)] CommandRejection? Rejection,
    [property: Id(2)] bool Replayed);

/// <summary>The grain key of a link worker's training record.</summary>
public static class LinkWorkerTrainingKey
{
    public const string StreamKind = "link-worker-training";

    public static string Of(SocialPrescribing.Abstractions.TenantId tenant, string linkWorkerId) => $"{tenant.Value}/{linkWorkerId}";
}
