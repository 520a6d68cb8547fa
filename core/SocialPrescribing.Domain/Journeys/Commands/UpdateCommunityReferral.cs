namespace SocialPrescribing.Domain.Journeys.Commands;

/// <summary>Moves a community referral to another status.</summary>
[GenerateSerializer, Immutable, Alias("sp.cmd.UpdateCommunityReferral")]
public sealed record UpdateCommunityReferral(
    [property: Id(0)] Guid CommunityReferralId,
    [property: Id(1)] CommunityReferralStatus Status) : JourneyCommand
{
    public override string Name => JourneyCommandNames.UpdateCommunityReferral;
}
