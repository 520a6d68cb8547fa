namespace SocialPrescribing.Domain.Journeys.Commands;

/// <summary>
/// Raised by the partner-response job when a referral's answer is due: a referral its provider has not answered makes
/// a follow-up for the link worker. Not offered over the API.
/// </summary>
[GenerateSerializer, Immutable, Alias("sp.cmd.CheckPartnerResponse")]
public sealed record CheckPartnerResponse([property: Id(0)] Guid CommunityReferralId) : JourneyCommand
{
    public override string Name => JourneyCommandNames.CheckPartnerResponse;
}
