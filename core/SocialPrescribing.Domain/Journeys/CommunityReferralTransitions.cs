using System.Collections.Frozen;
using System.Collections.Immutable;

namespace SocialPrescribing.Domain.Journeys;

/// <summary>Which community referral status may follow which: a subset of the FHIR Task state machine.</summary>
public static class CommunityReferralTransitions
{
    private static readonly FrozenDictionary<CommunityReferralStatus, ImmutableArray<CommunityReferralStatus>> Next =
        new Dictionary<CommunityReferralStatus, ImmutableArray<CommunityReferralStatus>>
        {
            [CommunityReferralStatus.Requested] = [CommunityReferralStatus.Accepted, CommunityReferralStatus.Rejected, CommunityReferralStatus.Cancelled],
            [CommunityReferralStatus.Accepted] = [CommunityReferralStatus.InProgress, CommunityReferralStatus.Failed, CommunityReferralStatus.Cancelled],
            [CommunityReferralStatus.InProgress] = [CommunityReferralStatus.OnHold, CommunityReferralStatus.Completed, CommunityReferralStatus.Failed, CommunityReferralStatus.Cancelled],
            [CommunityReferralStatus.OnHold] = [CommunityReferralStatus.InProgress, CommunityReferralStatus.Failed, CommunityReferralStatus.Cancelled],
            [CommunityReferralStatus.Rejected] = [],
            [CommunityReferralStatus.Completed] = [],
            [CommunityReferralStatus.Failed] = [],
            [CommunityReferralStatus.Cancelled] = [],
        }.ToFrozenDictionary();

    public static ImmutableArray<CommunityReferralStatus> AllowedAfter(CommunityReferralStatus status) => Next[status];

    public static bool IsTerminal(CommunityReferralStatus status) => Next[status].IsEmpty;
}
