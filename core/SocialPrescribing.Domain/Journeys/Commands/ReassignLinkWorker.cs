namespace SocialPrescribing.Domain.Journeys.Commands;

/// <summary>Moves the journey to another link worker.</summary>
[GenerateSerializer, Immutable, Alias("sp.cmd.ReassignLinkWorker")]
public sealed record ReassignLinkWorker(
    [property: Id(0)] string LinkWorkerId) : JourneyCommand
{
    public override string Name => JourneyCommandNames.ReassignLinkWorker;
}
