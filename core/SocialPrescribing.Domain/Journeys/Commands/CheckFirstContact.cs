namespace SocialPrescribing.Domain.Journeys.Commands;

/// <summary>Raised by the first-contact job: marks the journey overdue when the deadline passed without contact. Not offered over the API.</summary>
[GenerateSerializer, Immutable, Alias("sp.cmd.CheckFirstContact")]
public sealed record CheckFirstContact : JourneyCommand
{
    public override string Name => JourneyCommandNames.CheckFirstContact;
}
