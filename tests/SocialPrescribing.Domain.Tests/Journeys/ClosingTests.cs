using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Journeys.Commands;
using SocialPrescribing.Domain.Journeys.Events;
using SocialPrescribing.Domain.Tests.Support;
using static SocialPrescribing.Domain.Journeys.CommunityReferralStatus;

namespace SocialPrescribing.Domain.Tests.Journeys;

/// <summary>
/// The three ways a journey ends (declined, unable to contact, discharged): when each is open, and how an
/// ending closes the loop with every community program the person was referred to.
/// </summary>
public sealed class ClosingTests
{
    private static readonly DateTimeOffset ClosedAt = Fixed.Now.AddDays(21);

    [Fact]
    public void Declining_after_the_first_conversation_is_allowed_until_a_plan_is_agreed()
    {
        var journey = JourneyBuilder.InStatus(JourneyStatus.Engaged).RecordWhatMatters();
        Assert.Contains(JourneyCommandNames.DeclineReferral, JourneyDecider.AllowedCommands(journey.State, journey.Context.Tenant));

        var declined = DecisionAssert.Appended<ReferralDeclined>(
            JourneyDecider.Decide(journey.State, Commands.Decline("Feels better already."), journey.Context));
        var after = journey.State.Apply(declined);
        Assert.Equal((JourneyStatus.Declined, "Feels better already."), (after.Status, after.ClosureReason));

        journey.AgreePlan();
        var rejection = DecisionAssert.Rejected(
            JourneyDecider.Decide(journey.State, Commands.Decline(), journey.Context), RejectionKind.Conflict);

        Assert.Contains("discharge", rejection.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(JourneyCommandNames.DeclineReferral, rejection.Allowed);
        Assert.Contains(JourneyCommandNames.Discharge, rejection.Allowed);
        Assert.Equal(JourneyDecider.AllowedCommands(journey.State, journey.Context.Tenant), rejection.Allowed);
    }

    [Theory]
    [InlineData(3, 0, 2, false)]
    [InlineData(3, 0, 3, true)]
    [InlineData(3, 0, 4, true)]
    [InlineData(3, 5, 0, false)]
    [InlineData(3, 5, 2, false)]
    [InlineData(5, 2, 4, false)]
    [InlineData(5, 0, 5, true)]
    [InlineData(1, 0, 1, true)]
    public void An_engaged_person_who_stops_answering_can_be_closed_after_the_minimum_attempts_since_the_last_contact(
        int minimum, int attemptsBeforeContact, int attemptsSinceContact, bool allowed)
    {
        var tenant = Fixed.Tenant with { MinimumContactAttempts = minimum };
        var journey = new JourneyBuilder(Fixed.Context(tenant: tenant))
            .Receive().Attempt(attemptsBeforeContact).Accept().Contact().Attempt(attemptsSinceContact);
        Assert.Equal(JourneyStatus.Engaged, journey.State.Status);
        Assert.Equal(attemptsBeforeContact + attemptsSinceContact, journey.State.ContactAttempts);

        var decision = JourneyDecider.Decide(journey.State, Commands.CloseUnableToContact(), journey.Context);

        if (allowed)
        {
            var closed = DecisionAssert.Appended<ClosedUnableToContact>(decision);
            Assert.Equal(JourneyStatus.UnableToContact, journey.State.Apply(closed).Status);
            Assert.Contains(JourneyCommandNames.CloseUnableToContact, JourneyDecider.AllowedCommands(journey.State, tenant));
        }
        else
        {
            var rejection = DecisionAssert.Rejected(decision, RejectionKind.Conflict);
            Assert.Contains($"At least {minimum} ", rejection.Detail, StringComparison.Ordinal);
            Assert.Contains($"; {attemptsSinceContact} so far", rejection.Detail, StringComparison.Ordinal);
            Assert.DoesNotContain(JourneyCommandNames.CloseUnableToContact, rejection.Allowed);
            Assert.Equal(JourneyDecider.AllowedCommands(journey.State, tenant), rejection.Allowed);
        }
    }

    [Fact]
    public void A_contact_resets_the_attempts_counted_towards_closing()
    {
        var journey = JourneyBuilder.InStatus(JourneyStatus.Referred).Attempt(3);
        var seen = new List<(int Total, int SinceContact, bool CanClose)> { Counts(journey) };

        journey.Accept().Contact();
        seen.Add(Counts(journey));
        journey.Attempt(2);
        seen.Add(Counts(journey));
        journey.Contact();
        seen.Add(Counts(journey));
        journey.Attempt(3);
        seen.Add(Counts(journey));

        Assert.Equal([(3, 3, true), (3, 0, false), (5, 2, false), (5, 0, false), (8, 3, true)], seen);
    }

    [Fact]
    public void Discharging_cancels_every_open_community_referral_first()
    {
        var journey = JourneyBuilder.InStatus(JourneyStatus.Engaged).RecordWhatMatters().AgreePlan();
        var foodBank = Refer(journey, "Food bank");
        var walking = Refer(journey, "Walking group", Accepted, InProgress, OnHold);
        var choir = Refer(journey, "Choir", Rejected);
        var garden = Refer(journey, "Community garden", Accepted, InProgress, Completed);
        var art = Refer(journey, "Art class", Accepted);
        var before = journey.State;
        var discharge = Commands.Discharge() with { CommandId = Guid.NewGuid(), Actor = "lw-closing" };
        journey.At(ClosedAt);

        var decision = JourneyDecider.Decide(before, discharge, journey.Context);

        Assert.Null(decision.Rejection);
        Assert.Equal(
            [(foodBank, Requested), (walking, OnHold), (art, Accepted)],
            decision.Events.SkipLast(1).Select(e => Assert.IsType<CommunityReferralStatusChanged>(e)).Select(c => (c.CommunityReferralId, c.From)));
        Assert.All(decision.Events.SkipLast(1), e => Assert.Equal(Cancelled, ((CommunityReferralStatusChanged)e).To));
        Assert.Equal("Goals met.", Assert.IsType<Discharged>(decision.Events[^1]).Reason);
        Assert.All(decision.Events, e => Assert.Equal((discharge.CommandId, "lw-closing", ClosedAt), (e.CommandId, e.Actor, e.OccurredAt)));

        var after = decision.Events.Aggregate(before, (s, e) => s.Apply(e));
        Assert.Equal((JourneyStatus.Discharged, before.Version + 4), (after.Status, after.Version));
        Assert.Equal(
            [(foodBank, Cancelled, ClosedAt), (walking, Cancelled, ClosedAt), (choir, Rejected, Fixed.Now), (garden, Completed, Fixed.Now), (art, Cancelled, ClosedAt)],
            after.CommunityReferrals.Select(r => (r.Id, r.Status, r.UpdatedAt)));
    }

    [Fact]
    public void Closing_leaves_finished_community_referrals_as_they_were()
    {
        var journey = JourneyBuilder.InStatus(JourneyStatus.Engaged).RecordWhatMatters().AgreePlan();
        Refer(journey, "Choir", Rejected);
        Refer(journey, "Community garden", Accepted, InProgress, Completed);
        Refer(journey, "Swimming", Accepted, Failed);
        Refer(journey, "Book club", Cancelled);
        var before = journey.State;
        journey.At(ClosedAt);

        var discharged = DecisionAssert.Appended<Discharged>(JourneyDecider.Decide(before, Commands.Discharge(), journey.Context));
        var after = before.Apply(discharged);

        Assert.Equal(JourneyStatus.Discharged, after.Status);
        Assert.Equal(
            before.CommunityReferrals.Select(r => (r.Id, r.Status, r.UpdatedAt)),
            after.CommunityReferrals.Select(r => (r.Id, r.Status, r.UpdatedAt)));
        Assert.Equal([Rejected, Completed, Failed, Cancelled], after.CommunityReferrals.Select(r => r.Status));
    }

    public static TheoryData<string, string, JourneyStatus> WaysToClose() => new()
    {
        { JourneyCommandNames.DeclineReferral, nameof(ReferralDeclined), JourneyStatus.Declined },
        { JourneyCommandNames.CloseUnableToContact, nameof(ClosedUnableToContact), JourneyStatus.UnableToContact },
        { JourneyCommandNames.Discharge, nameof(Discharged), JourneyStatus.Discharged },
    };

    [Theory]
    [MemberData(nameof(WaysToClose))]
    public void Every_way_of_closing_an_engaged_journey_cancels_its_open_community_referrals_first(string command, string closingEvent, JourneyStatus closedAs)
    {
        // No plan yet, so declining is still open; enough failed attempts since the contact to close as unable to contact.
        var journey = JourneyBuilder.InStatus(JourneyStatus.Engaged);
        var accepted = Refer(journey, "Walking group", Accepted);
        var requested = Refer(journey, "Choir");
        journey.Attempt(Fixed.Tenant.MinimumContactAttempts);

        var decision = JourneyDecider.Decide(journey.State, Commands.Named(command, journey.State, journey.Context), journey.Context);

        Assert.Null(decision.Rejection);
        Assert.Equal(
            [nameof(CommunityReferralStatusChanged), nameof(CommunityReferralStatusChanged), closingEvent],
            decision.Events.Select(e => e.Type));
        Assert.Equal(
            [(accepted, Accepted, Cancelled), (requested, Requested, Cancelled)],
            decision.Events.OfType<CommunityReferralStatusChanged>().Select(c => (c.CommunityReferralId, c.From, c.To)));
        Assert.Single(decision.Events.Select(e => e.CommandId).Distinct());
        var after = decision.Events.Aggregate(journey.State, (s, e) => s.Apply(e));
        Assert.Equal(closedAs, after.Status);
        Assert.All(after.CommunityReferrals, r => Assert.Equal(Cancelled, r.Status));
    }

    [Theory]
    [InlineData(JourneyStatus.Referred, JourneyCommandNames.DeclineReferral)]
    [InlineData(JourneyStatus.Referred, JourneyCommandNames.CloseUnableToContact)]
    [InlineData(JourneyStatus.Accepted, JourneyCommandNames.DeclineReferral)]
    [InlineData(JourneyStatus.Accepted, JourneyCommandNames.CloseUnableToContact)]
    public void Closing_before_engagement_raises_only_the_closing_event(JourneyStatus status, string command)
    {
        var journey = JourneyBuilder.WithEveryGuardMet(status);

        var decision = JourneyDecider.Decide(journey.State, Commands.Named(command, journey.State, journey.Context), journey.Context);

        Assert.Null(decision.Rejection);
        var closing = Assert.Single(decision.Events);
        Assert.True(journey.State.Apply(closing).IsClosed);
    }

    private static (int Total, int SinceContact, bool CanClose) Counts(JourneyBuilder journey) => (
        journey.State.ContactAttempts,
        journey.State.AttemptsSinceContact,
        JourneyDecider.AllowedCommands(journey.State, journey.Context.Tenant).Contains(JourneyCommandNames.CloseUnableToContact));

    /// <summary>Makes a community referral and walks it through <paramref name="path"/>; returns its id.</summary>
    private static Guid Refer(JourneyBuilder journey, string program, params CommunityReferralStatus[] path)
    {
        journey.ReferToCommunity(program);
        var id = journey.LastCommunityReferralId;
        foreach (var status in path)
        {
            journey.MoveCommunityReferral(id, status);
        }

        return id;
    }
}
