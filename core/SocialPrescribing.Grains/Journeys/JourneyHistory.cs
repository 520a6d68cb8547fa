using System.Collections.Immutable;
using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Journeys.Events;

namespace SocialPrescribing.Grains.Journeys;

[GenerateSerializer, Immutable, Alias("sp.JourneyHistory")]
public sealed record JourneyHistory([property: Id(0)] ImmutableArray<JourneyEvent> Events)
{
    public JourneyState Fold() => JourneyState.Fold(Events);
}
