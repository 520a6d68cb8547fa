using System.Collections.Immutable;

namespace SocialPrescribing.Domain.Journeys.Commands;

/// <summary>Records the co-created plan's goals.</summary>
[GenerateSerializer, Immutable, Alias("sp.cmd.AgreePlan")]
public sealed record AgreePlan(
    [property: Id(0)] ImmutableArray<string> Goals) : JourneyCommand
{
    public override string Name => JourneyCommandNames.AgreePlan;
}
