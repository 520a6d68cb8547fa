namespace SocialPrescribing.Domain.Journeys.Commands;

/// <summary>Records that the person declined.</summary>
[GenerateSerializer, Immutable, Alias("sp.cmd.DeclineReferral")]
public sealed record DeclineReferral(
    [property: Id(0)] string Reason) : JourneyCommand
{
    public override string Name => JourneyCommandNames.DeclineReferral;
}
