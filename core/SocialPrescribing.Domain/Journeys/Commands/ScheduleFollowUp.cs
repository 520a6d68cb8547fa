namespace SocialPrescribing.Domain.Journeys.Commands;

/// <summary>Plans a follow-up contact.</summary>
[GenerateSerializer, Immutable, Alias("sp.cmd.ScheduleFollowUp")]
public sealed record ScheduleFollowUp(
    [property: Id(0)] DateOnly DueOn) : JourneyCommand
{
    public override string Name => JourneyCommandNames.ScheduleFollowUp;
}
