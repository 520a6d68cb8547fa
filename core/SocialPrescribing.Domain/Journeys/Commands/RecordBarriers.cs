namespace SocialPrescribing.Domain.Journeys.Commands;

/// <summary>Records the person's barriers and preferences, in place of any recorded before.</summary>
[GenerateSerializer, Immutable, Alias("sp.cmd.RecordBarriers")]
public sealed record RecordBarriers(
    [property: Id(0)] BarriersAndPreferences Circumstances) : JourneyCommand
{
    public override string Name => JourneyCommandNames.RecordBarriers;
}
