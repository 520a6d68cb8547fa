namespace SocialPrescribing.Domain.Journeys.Commands;

/// <summary>A supervisor acknowledges an open safety alert, saying what was done.</summary>
[GenerateSerializer, Immutable, Alias("sp.cmd.AcknowledgeSafetyAlert")]
public sealed record AcknowledgeSafetyAlert(
    [property: Id(0)] Guid AlertId,
    [property: Id(1)] string Note) : JourneyCommand
{
    public override string Name => JourneyCommandNames.AcknowledgeSafetyAlert;
}
