using System.Collections.Immutable;

namespace SocialPrescribing.Domain.Journeys.Events;

/// <summary>A personalised plan was co-created; its goals replace any earlier plan's.</summary>
[GenerateSerializer, Immutable, Alias("sp.PlanAgreed")]
public sealed record PlanAgreed(
    [property: Id(0)] ImmutableArray<string> Goals) : JourneyEvent;
