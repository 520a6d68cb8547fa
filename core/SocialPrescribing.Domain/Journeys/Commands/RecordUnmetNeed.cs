namespace SocialPrescribing.Domain.Journeys.Commands;

/// <summary>Records a need no program could meet for the person (one of <see cref="UnmetNeeds.All"/>), with details.</summary>
[GenerateSerializer, Immutable, Alias("sp.cmd.RecordUnmetNeed")]
public sealed record RecordUnmetNeed(
    [property: Id(0)] string Need,
    [property: Id(1)] string? Details) : JourneyCommand
{
    public override string Name => JourneyCommandNames.RecordUnmetNeed;
}
