namespace SocialPrescribing.Domain.Journeys.Commands;

/// <summary>Closes the journey after the tenant's minimum number of failed attempts.</summary>
[GenerateSerializer, Immutable, Alias("sp.cmd.CloseUnableToContact")]
public sealed record CloseUnableToContact(
    [property: Id(0)] string Reason) : JourneyCommand
{
    public override string Name => JourneyCommandNames.CloseUnableToContact;
}
