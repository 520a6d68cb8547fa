using System.Collections.Immutable;

namespace SocialPrescribing.Domain.Journeys.Events;

/// <summary>The tenant's supervisors were sent the alert, through the channels named.</summary>
[GenerateSerializer, Immutable, Alias("sp.SafetyAlertNotified")]
public sealed record SafetyAlertNotified(
    [property: Id(0)] Guid AlertId,
    [property: Id(1)] ImmutableArray<string> Recipients,
    [property: Id(2)] ImmutableArray<string> Channels) : JourneyEvent;
