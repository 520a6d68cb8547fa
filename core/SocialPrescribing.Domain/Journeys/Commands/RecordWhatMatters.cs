using System.Collections.Immutable;

namespace SocialPrescribing.Domain.Journeys.Commands;

/// <summary>Records what matters to the person.</summary>
[GenerateSerializer, Immutable, Alias("sp.cmd.RecordWhatMatters")]
public sealed record RecordWhatMatters(
    [property: Id(0)] ImmutableArray<string> Items) : JourneyCommand
{
    public override string Name => JourneyCommandNames.RecordWhatMatters;
}
