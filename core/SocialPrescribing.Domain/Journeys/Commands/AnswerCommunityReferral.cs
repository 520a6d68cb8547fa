using System.Collections.Immutable;

namespace SocialPrescribing.Domain.Journeys.Commands;

/// <summary>
/// A community partner's answer to a referral addressed to its organization. <see cref="Organizations"/> are those
/// the caller answers for: the journey refuses an answer to a referral addressed elsewhere, in the call that decides.
/// Not a step of the pathway (never in the allowed commands); partners send it through their own door.
/// </summary>
[GenerateSerializer, Immutable, Alias("sp.cmd.AnswerCommunityReferral")]
public sealed record AnswerCommunityReferral(
    [property: Id(0)] Guid CommunityReferralId,
    [property: Id(1)] PartnerAnswer Answer,
    [property: Id(2)] DeclineReason? Reason,
    [property: Id(3)] string? Note,
    [property: Id(4)] ImmutableArray<Guid> Organizations) : JourneyCommand
{
    public const int MaxNoteLength = 2000;

    public override string Name => JourneyCommandNames.AnswerCommunityReferral;
}
