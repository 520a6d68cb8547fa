using System.Collections.Immutable;
using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Journeys.Events;
using SocialPrescribing.Domain.Journeys.Privacy;

namespace SocialPrescribing.Grains.Journeys;

/// <summary>
/// A journey as its grain holds it: the folded state, the events that led there (its timeline), and the
/// commands the state machine allows next. Folded by the grain, never by its callers.
/// </summary>
/// <param name="State">The state; <see cref="JourneyState.Exists"/> is false for a journey never referred.</param>
/// <param name="Timeline">The events folded into <paramref name="State"/>, oldest first.</param>
/// <param name="AllowedCommands">What may happen next; none for a view of the past.</param>
/// <param name="AsOf">The moment this view shows, or null for now.</param>
[GenerateSerializer, Immutable, Alias("sp.JourneyView")]
public sealed record JourneyView(
    [property: Id(0)] JourneyState State,
    [property: Id(1)] ImmutableArray<JourneyEvent> Timeline,
    [property: Id(2)] ImmutableArray<string> AllowedCommands,
    [property: Id(3)] DateTimeOffset? AsOf)
{
    /// <summary>
    /// The parts of the record left out of this view for its reader, under the person's lock-box directives; empty for
    /// the whole journey. The grain serves the whole; the application core leaves out.
    /// </summary>
    [Id(4)]
    public ImmutableArray<RecordPart> Withheld { get; init; } = [];

    /// <summary>
    /// The version of each event of <see cref="Timeline"/> in the stream when some are left out; empty when the
    /// timeline is whole (its events are then consecutive, the last at the state's version).
    /// </summary>
    [Id(5)]
    public ImmutableArray<long> TimelineVersions { get; init; } = [];

    /// <summary>
    /// How many of the journey's events come before <see cref="Timeline"/>'s window (0 when it starts at the first): the
    /// reader asks for them with a window before the first version shown.
    /// </summary>
    [Id(6)]
    public long EventsBefore { get; init; }

    /// <summary>The timeline's events with their versions in the stream.</summary>
    public IEnumerable<(long Version, JourneyEvent Event)> NumberedTimeline() =>
        TimelineVersions.IsDefaultOrEmpty
            ? Timeline.Select((e, i) => (State.Version - Timeline.Length + 1 + i, e))
            : TimelineVersions.Zip(Timeline);
}
