namespace SocialPrescribing.Domain.Journeys.Commands;

/// <summary>Cancels a requested or confirmed trip.</summary>
[GenerateSerializer, Immutable, Alias("sp.cmd.CancelTransport")]
public sealed record CancelTransport(
    [property: Id(0)] Guid TripId,
    [property: Id(1)] string Reason) : JourneyCommand
{
    public override string Name => JourneyCommandNames.CancelTransport;
}
