using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Journeys.Events;
using SocialPrescribing.Domain.Tests.Support;
using static SocialPrescribing.Domain.Journeys.CommunityReferralStatus;

namespace SocialPrescribing.Domain.Tests.Journeys;

/// <summary>Every pair of community referral statuses, against the FHIR Task subset the pathway uses.</summary>
public sealed class CommunityReferralTransitionTests
{
    private static readonly Dictionary<CommunityReferralStatus, CommunityReferralStatus[]> Expected = new()
    {
        [Requested] = [Accepted, Rejected, OnHold, Cancelled],
        [Accepted] = [InProgress, OnHold, Failed, Cancelled],
        [InProgress] = [OnHold, Completed, Failed, Cancelled],
        [OnHold] = [Accepted, Rejected, InProgress, Failed, Cancelled],
        [Rejected] = [],
        [Completed] = [],
        [Failed] = [],
        [Cancelled] = [],
    };

    public static TheoryData<CommunityReferralStatus, CommunityReferralStatus> AllPairs()
    {
        var data = new TheoryData<CommunityReferralStatus, CommunityReferralStatus>();
        foreach (var from in Enum.GetValues<CommunityReferralStatus>())
        {
            foreach (var to in Enum.GetValues<CommunityReferralStatus>())
            {
                data.Add(from, to);
            }
        }

        return data;
    }

    public static TheoryData<CommunityReferralStatus> Statuses() => [.. Enum.GetValues<CommunityReferralStatus>()];

    [Theory]
    [MemberData(nameof(Statuses))]
    public void The_transition_table_allows_exactly_the_documented_next_statuses(CommunityReferralStatus from)
    {
        Assert.Equal(Expected[from], CommunityReferralTransitions.AllowedAfter(from));
        Assert.Equal(Expected[from].Length == 0, CommunityReferralTransitions.IsTerminal(from));
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Moving_a_community_referral_is_accepted_only_along_the_table(CommunityReferralStatus from, CommunityReferralStatus to)
    {
        // A second, still requested referral keeps the journey's "an open referral exists" guard satisfied,
        // so that a finished referral is judged by the transition table and not by that guard.
        var journey = JourneyBuilder.InStatus(JourneyStatus.Engaged).RecordWhatMatters().AgreePlan().ReferToCommunity("Walking group");
        var id = journey.LastCommunityReferralId;
        foreach (var step in PathTo(from))
        {
            journey.MoveCommunityReferral(id, step);
        }

        journey.ReferToCommunity("Choir");
        Assert.Equal(from, journey.State.CommunityReferrals.Single(r => r.Id == id).Status);

        var decision = JourneyDecider.Decide(journey.State, Commands.UpdateCommunityReferral(id, to), journey.Context);

        if (Expected[from].Contains(to))
        {
            var changed = DecisionAssert.Appended<CommunityReferralStatusChanged>(decision);
            Assert.Equal((id, from, to), (changed.CommunityReferralId, changed.From, changed.To));
            var after = journey.State.Apply(changed);
            Assert.Equal(to, after.CommunityReferrals.Single(r => r.Id == id).Status);
            Assert.Equal(CommunityReferralStatus.Requested, after.CommunityReferrals.Single(r => r.Id != id).Status);
        }
        else
        {
            var rejection = DecisionAssert.Rejected(decision, RejectionKind.Conflict);
            Assert.Equal("status", rejection.Field);
            Assert.Equal(Expected[from].Select(WireNames.Of), rejection.Allowed);
            Assert.Contains(WireNames.Of(from), rejection.Detail, StringComparison.Ordinal);
            Assert.Contains(WireNames.Of(to), rejection.Detail, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_status_change_records_when_the_referral_was_updated_and_keeps_when_it_was_made()
    {
        var journey = JourneyBuilder.WithEveryGuardMet(JourneyStatus.Engaged);
        var id = journey.LastCommunityReferralId;
        var later = Fixed.Now.AddDays(3);

        journey.At(later).MoveCommunityReferral(id, Accepted);

        var referral = journey.State.CommunityReferrals.Single(r => r.Id == id);
        Assert.Equal((Fixed.Now, later), (referral.MadeAt, referral.UpdatedAt));
    }

    /// <summary>The statuses to walk through, starting from requested, to reach <paramref name="target"/>.</summary>
    private static List<CommunityReferralStatus> PathTo(CommunityReferralStatus target)
    {
        var cameFrom = new Dictionary<CommunityReferralStatus, CommunityReferralStatus> { [Requested] = Requested };
        var queue = new Queue<CommunityReferralStatus>([Requested]);
        while (queue.Count > 0)
        {
            var current = queue.Dequeue();
            foreach (var next in Expected[current].Where(n => !cameFrom.ContainsKey(n)))
            {
                cameFrom[next] = current;
                queue.Enqueue(next);
            }
        }

        var path = new List<CommunityReferralStatus>();
        for (var at = target; at != Requested; at = cameFrom[at])
        {
            path.Insert(0, at);
        }

        return path;
    }
}
