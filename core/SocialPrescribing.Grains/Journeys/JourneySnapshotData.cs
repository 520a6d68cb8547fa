using System.Collections.Immutable;
using SocialPrescribing.Domain.Journeys;

namespace SocialPrescribing.Grains.Journeys;

/// <summary>What a journey's snapshot keeps: the state folded so far, and the commands that raised its events (so a
/// command repeated after a restore still replays its first result).</summary>
[GenerateSerializer, Immutable, Alias("sp.JourneySnapshotData")]
internal sealed record JourneySnapshotData(
    [property: Id(0)] JourneyState State,
    [property: Id(1)] ImmutableArray<CommandSpan> Commands);

/// <summary>A command and the stream indices of the events it raised, [<see cref="Start"/>, <see cref="End"/>).</summary>
[GenerateSerializer, Immutable, Alias("sp.CommandSpan")]
internal readonly record struct CommandSpan(
    [property: Id(0)] Guid CommandId,
    [property: Id(1)] int Start,
    [property: Id(2)] int End);
