using System.Collections.Immutable;
using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Journeys.Events;

namespace SocialPrescribing.Grains.Journeys;

/// <summary>
/// The result of a command: the journey's version and status after it, and the events it appended; with
/// <see cref="EmergencyAccess"/>, the caller reached the journey only by an emergency access in force.
/// </summary>
[GenerateSerializer, Immutable, Alias("sp.CommandOutcome")]
public sealed record CommandOutcome(
    [property: Id(0)] CommandOutcomeKind Kind,
    [property: Id(1)] long Version,
    [property: Id(2)] JourneyStatus Status,
    [property: Id(3)] ImmutableArray<JourneyEvent> Events,
    [property: Id(4)] ImmutableArray<string> AllowedCommands,
    [property: Id(5)] CommandRejection? Rejection)
{
    /// <summary>The emergency (break-glass) access the command was given under, when the caller's scope alone did not reach the journey.</summary>
    [Id(6)]
    public EmergencyAccessGrant? EmergencyAccess { get; init; }
}
