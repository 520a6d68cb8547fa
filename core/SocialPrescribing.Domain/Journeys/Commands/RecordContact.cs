namespace SocialPrescribing.Domain.Journeys.Commands;

/// <summary>Records a contact with the person.</summary>
[GenerateSerializer, Immutable, Alias("sp.cmd.RecordContact")]
public sealed record RecordContact(
    [property: Id(0)] ContactMode Mode,
    [property: Id(1)] string? Purpose,
    [property: Id(2)] string? Notes) : JourneyCommand
{
    public override string Name => JourneyCommandNames.RecordContact;
}
