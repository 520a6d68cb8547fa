namespace SocialPrescribing.Domain.Journeys.Commands;

/// <summary>Discharges an engaged person.</summary>
[GenerateSerializer, Immutable, Alias("sp.cmd.Discharge")]
public sealed record Discharge(
    [property: Id(0)] string Reason) : JourneyCommand
{
    public override string Name => JourneyCommandNames.Discharge;
}
