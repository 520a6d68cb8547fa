namespace SocialPrescribing.Domain.Journeys.Commands;

/// <summary>Accepts the referral and assigns a link worker.</summary>
[GenerateSerializer, Immutable, Alias("sp.cmd.AcceptReferral")]
public sealed record AcceptReferral(
    [property: Id(0)] string LinkWorkerId) : JourneyCommand
{
    public override string Name => JourneyCommandNames.AcceptReferral;
}
