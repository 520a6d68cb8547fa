using System.Collections.Immutable;

namespace SocialPrescribing.Domain.Journeys.Events;

/// <summary>The tenant's privacy officers were told of an emergency access (break-glass), through the channels named.</summary>
[GenerateSerializer, Immutable, Alias("sp.EmergencyAccessNotified")]
public sealed record EmergencyAccessNotified(
    [property: Id(0)] Guid GrantId,
    [property: Id(1)] ImmutableArray<string> Recipients,
    [property: Id(2)] ImmutableArray<string> Channels) : JourneyEvent;
