using System.Collections.Immutable;
using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Journeys.Events;

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
    [property: Id(3)] DateTimeOffset? AsOf);
