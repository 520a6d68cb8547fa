using System.Collections.Frozen;
using System.Collections.Immutable;

namespace SocialPrescribing.Domain.Journeys;

/// <summary>Which community referral status may follow which: a subset of the FHIR Task state machine.</summary>
public static class CommunityReferralTransitions
{
    private static readonly FrozenDictionary<CommunityReferralStatus, ImmutableArray<CommunityReferralStatus>> Next =
        new Dictionary<CommunityReferralStatus, ImmutableArray<CommunityReferralStatus>>
        {
            [CommunityReferralStatus.Requested] = [CommunityReferralStatus.Accepted, CommunityReferralStatus.Rejected, CommunityReferralStatus.OnHold, CommunityReferralStatus.Cancelled],
            [CommunityReferralStatus.Accepted] = [CommunityReferralStatus.InProgress, CommunityReferralStatus.OnHold, CommunityReferralStatus.Failed, CommunityReferralStatus.Cancelled],
            [CommunityReferralStatus.InProgress] = [CommunityReferralStatus.OnHold, CommunityReferralStatus.Completed, CommunityReferralStatus.Failed, CommunityReferralStatus.Cancelled],
            // On hold is also a provider's waitlist: the person may then be taken, declined or start.
            [CommunityReferralStatus.OnHold] = [CommunityReferralStatus.Accepted, CommunityReferralStatus.Rejected, CommunityReferralStatus.InProgress, CommunityReferralStatus.Failed, CommunityReferralStatus.Cancelled],
            [CommunityReferralStatus.Rejected] = [],
            [CommunityReferralStatus.Completed] = [],
            [CommunityReferralStatus.Failed] = [],
            [CommunityReferralStatus.Cancelled] = [],
        }.ToFrozenDictionary();

    public static ImmutableArray<CommunityReferralStatus> AllowedAfter(CommunityReferralStatus status) => Next[status];

    public static bool IsTerminal(CommunityReferralStatus status) => Next[status].IsEmpty;

    /// <summary>
    /// The status a provider's <paramref name="answer"/> moves a referral in <paramref name="status"/> to, or null when
    /// the answer cannot follow that status. A session attended or missed after the start keeps the status.
    /// </summary>
    public static CommunityReferralStatus? After(CommunityReferralStatus status, PartnerAnswer answer) => (answer, status) switch
    {
        (PartnerAnswer.Accepted, CommunityReferralStatus.Requested or CommunityReferralStatus.OnHold) => CommunityReferralStatus.Accepted,
        (PartnerAnswer.Declined, CommunityReferralStatus.Requested or CommunityReferralStatus.OnHold) => CommunityReferralStatus.Rejected,
        (PartnerAnswer.Waitlisted, CommunityReferralStatus.Requested or CommunityReferralStatus.Accepted) => CommunityReferralStatus.OnHold,
        (PartnerAnswer.Attended, CommunityReferralStatus.Accepted or CommunityReferralStatus.OnHold or CommunityReferralStatus.InProgress) => CommunityReferralStatus.InProgress,
        (PartnerAnswer.DidNotAttend, CommunityReferralStatus.Accepted or CommunityReferralStatus.InProgress) => status,
        (PartnerAnswer.Completed, CommunityReferralStatus.InProgress) => CommunityReferralStatus.Completed,
        _ => null,
    };

    /// <summary>The answers a provider may give a referral in <paramref name="status"/>, in the order of <see cref="PartnerAnswer"/>.</summary>
    public static ImmutableArray<PartnerAnswer> AnswersAfter(CommunityReferralStatus status) =>
        [.. Enum.GetValues<PartnerAnswer>().Where(a => After(status, a) is not null)];
}
