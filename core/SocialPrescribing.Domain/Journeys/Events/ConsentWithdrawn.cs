using System.Collections.Immutable;
using SocialPrescribing.Domain.Journeys.Privacy;

namespace SocialPrescribing.Domain.Journeys.Events;

/// <summary>The person withdrew these consents; from this moment they no longer hold.</summary>
[GenerateSerializer, Immutable, Alias("sp.ConsentWithdrawn")]
public sealed record ConsentWithdrawn(
    [property: Id(0)] ImmutableArray<ConsentScope> Scopes) : JourneyEvent;
