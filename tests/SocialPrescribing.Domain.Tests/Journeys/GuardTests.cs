using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Journeys.Commands;
using SocialPrescribing.Domain.Journeys.Events;
using SocialPrescribing.Domain.Tests.Support;

namespace SocialPrescribing.Domain.Tests.Journeys;

/// <summary>The conditions beyond the journey's status that a command must meet.</summary>
public sealed class GuardTests
{
    [Theory]
    [InlineData(3, 0, false)]
    [InlineData(3, 2, false)]
    [InlineData(3, 3, true)]
    [InlineData(3, 4, true)]
    [InlineData(5, 4, false)]
    [InlineData(5, 5, true)]
    [InlineData(1, 1, true)]
    public void Closing_as_unable_to_contact_needs_the_tenants_minimum_number_of_attempts(int minimum, int attempts, bool allowed)
    {
        var tenant = Fixed.Tenant with { MinimumContactAttempts = minimum };
        var journey = new JourneyBuilder(Fixed.Context(tenant: tenant)).Receive().Attempt(attempts);

        var decision = JourneyDecider.Decide(journey.State, Commands.CloseUnableToContact(), journey.Context);

        if (allowed)
        {
            DecisionAssert.Appended<ClosedUnableToContact>(decision);
            Assert.Contains(JourneyCommandNames.CloseUnableToContact, JourneyDecider.AllowedCommands(journey.State, tenant));
        }
        else
        {
            var rejection = DecisionAssert.Rejected(decision, RejectionKind.Conflict);
            Assert.Contains($"{minimum}", rejection.Detail, StringComparison.Ordinal);
            Assert.DoesNotContain(JourneyCommandNames.CloseUnableToContact, rejection.Allowed);
            Assert.Equal(JourneyDecider.AllowedCommands(journey.State, tenant), rejection.Allowed);
        }
    }

    [Fact]
    public void Attempts_made_before_acceptance_count_towards_closing_as_unable_to_contact()
    {
        var journey = JourneyBuilder.InStatus(JourneyStatus.Referred).Attempt(2).Accept().Attempt();

        var decision = JourneyDecider.Decide(journey.State, Commands.CloseUnableToContact(), journey.Context);

        DecisionAssert.Appended<ClosedUnableToContact>(decision);
    }

    [Fact]
    public void Agreeing_a_plan_before_what_matters_is_recorded_is_rejected()
    {
        var journey = JourneyBuilder.InStatus(JourneyStatus.Engaged);

        var rejection = DecisionAssert.Rejected(
            JourneyDecider.Decide(journey.State, Commands.Plan(), journey.Context), RejectionKind.Conflict);

        Assert.DoesNotContain(JourneyCommandNames.AgreePlan, rejection.Allowed);
        Assert.Contains(JourneyCommandNames.RecordWhatMatters, rejection.Allowed);
    }

    [Fact]
    public void Agreeing_a_plan_once_what_matters_is_recorded_is_accepted()
    {
        var journey = JourneyBuilder.InStatus(JourneyStatus.Engaged).RecordWhatMatters();

        var planned = DecisionAssert.Appended<PlanAgreed>(JourneyDecider.Decide(journey.State, Commands.Plan(), journey.Context));

        Assert.Equal(["Join a walking group", "Call my sister every week"], planned.Goals);
    }

    [Fact]
    public void A_community_referral_can_be_made_before_a_plan_is_agreed()
    {
        // An urgent need heard in the first conversation: nothing recorded yet beyond the contact itself.
        var journey = JourneyBuilder.InStatus(JourneyStatus.Engaged);
        Assert.Null(journey.State.WhatMattersRecordedAt);
        Assert.Null(journey.State.PlanAgreedAt);
        Assert.Contains(JourneyCommandNames.MakeCommunityReferral, JourneyDecider.AllowedCommands(journey.State, journey.Context.Tenant));

        var made = DecisionAssert.Appended<CommunityReferralMade>(
            JourneyDecider.Decide(journey.State, Commands.CommunityReferral("Food bank"), journey.Context));
        var after = journey.State.Apply(made);

        var referral = Assert.Single(after.CommunityReferrals);
        Assert.Equal((made.CommunityReferralId, "Food bank", CommunityReferralStatus.Requested), (referral.Id, referral.Program.Name, referral.Status));
        Assert.Null(after.PlanAgreedAt);
        Assert.Contains(JourneyCommandNames.UpdateCommunityReferral, JourneyDecider.AllowedCommands(after, journey.Context.Tenant));
    }

    [Theory]
    [InlineData(JourneyStatus.Referred)]
    [InlineData(JourneyStatus.Accepted)]
    public void A_community_referral_still_waits_for_the_person_to_be_engaged(JourneyStatus status)
    {
        var journey = JourneyBuilder.WithEveryGuardMet(status);

        var rejection = DecisionAssert.Rejected(
            JourneyDecider.Decide(journey.State, Commands.CommunityReferral(), journey.Context), RejectionKind.Conflict);

        Assert.DoesNotContain(JourneyCommandNames.MakeCommunityReferral, rejection.Allowed);
        Assert.Contains(WireNames.Of(status), rejection.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Making_a_community_referral_once_a_plan_is_agreed_starts_it_as_requested_with_a_new_id()
    {
        var journey = JourneyBuilder.InStatus(JourneyStatus.Engaged).RecordWhatMatters().AgreePlan().ReferToCommunity("Food bank");

        var made = DecisionAssert.Appended<CommunityReferralMade>(
            JourneyDecider.Decide(journey.State, Commands.CommunityReferral("Community kitchen"), journey.Context));
        var after = journey.State.Apply(made);

        Assert.NotEqual(journey.LastCommunityReferralId, made.CommunityReferralId);
        Assert.Equal("Community kitchen", made.Program.Name);
        var referral = after.CommunityReferrals[^1];
        Assert.Equal((made.CommunityReferralId, CommunityReferralStatus.Requested), (referral.Id, referral.Status));
    }

    [Fact]
    public void Updating_a_community_referral_when_none_was_made_is_rejected()
    {
        var journey = JourneyBuilder.InStatus(JourneyStatus.Engaged).RecordWhatMatters().AgreePlan();

        var rejection = DecisionAssert.Rejected(
            JourneyDecider.Decide(journey.State, Commands.UpdateCommunityReferral(Guid.NewGuid(), CommunityReferralStatus.Accepted), journey.Context),
            RejectionKind.Conflict);

        Assert.DoesNotContain(JourneyCommandNames.UpdateCommunityReferral, rejection.Allowed);
        Assert.Equal(JourneyDecider.AllowedCommands(journey.State, journey.Context.Tenant), rejection.Allowed);
    }

    [Fact]
    public void Updating_a_community_referral_when_every_one_is_finished_is_rejected()
    {
        var journey = JourneyBuilder.InStatus(JourneyStatus.Engaged).RecordWhatMatters().AgreePlan().ReferToCommunity();
        var id = journey.LastCommunityReferralId;
        journey.MoveCommunityReferral(id, CommunityReferralStatus.Rejected);

        var rejection = DecisionAssert.Rejected(
            JourneyDecider.Decide(journey.State, Commands.UpdateCommunityReferral(id, CommunityReferralStatus.Accepted), journey.Context),
            RejectionKind.Conflict);

        Assert.DoesNotContain(JourneyCommandNames.UpdateCommunityReferral, rejection.Allowed);
        Assert.Contains(JourneyCommandNames.MakeCommunityReferral, rejection.Allowed);
    }

    [Fact]
    public void Updating_an_unknown_community_referral_is_invalid_naming_the_field()
    {
        var journey = JourneyBuilder.WithEveryGuardMet(JourneyStatus.Engaged);

        var rejection = DecisionAssert.Rejected(
            JourneyDecider.Decide(journey.State, Commands.UpdateCommunityReferral(Guid.NewGuid(), CommunityReferralStatus.Accepted), journey.Context),
            RejectionKind.Invalid);

        Assert.Equal("communityReferralId", rejection.Field);
    }

    [Fact]
    public void A_follow_up_due_before_the_programs_local_today_is_invalid_naming_the_field()
    {
        // 22:00 in Toronto on 4 February is already 5 February in UTC.
        var lateEvening = Fixed.InToronto(2026, 2, 4, 22);
        var journey = JourneyBuilder.InStatus(JourneyStatus.Engaged).At(lateEvening);

        var rejection = DecisionAssert.Rejected(
            JourneyDecider.Decide(journey.State, Commands.FollowUp(new DateOnly(2026, 2, 3)), journey.Context),
            RejectionKind.Invalid);

        Assert.Equal("dueOn", rejection.Field);
        Assert.Contains("2026-02-04", rejection.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_follow_up_due_today_in_the_programs_time_zone_is_accepted_even_when_utc_is_already_tomorrow()
    {
        var lateEvening = Fixed.InToronto(2026, 2, 4, 22);
        Assert.Equal(new DateOnly(2026, 2, 5), DateOnly.FromDateTime(lateEvening.UtcDateTime));
        var journey = JourneyBuilder.InStatus(JourneyStatus.Engaged).At(lateEvening);

        var scheduled = DecisionAssert.Appended<FollowUpScheduled>(
            JourneyDecider.Decide(journey.State, Commands.FollowUp(new DateOnly(2026, 2, 4)), journey.Context));

        Assert.Equal(new DateOnly(2026, 2, 4), scheduled.DueOn);
        var followUp = Assert.Single(journey.State.Apply(scheduled).FollowUps);
        Assert.Equal((scheduled.FollowUpId, lateEvening), (followUp.Id, followUp.ScheduledAt));
    }

    [Fact]
    public void A_follow_up_due_yesterday_is_rejected_at_the_start_of_the_local_day()
    {
        var justAfterMidnight = Fixed.InToronto(2026, 2, 5, 0, 1);
        var journey = JourneyBuilder.InStatus(JourneyStatus.Engaged).At(justAfterMidnight);

        var rejection = DecisionAssert.Rejected(
            JourneyDecider.Decide(journey.State, Commands.FollowUp(new DateOnly(2026, 2, 4)), journey.Context),
            RejectionKind.Invalid);

        Assert.Equal("dueOn", rejection.Field);
    }

    [Fact]
    public void A_command_on_a_journey_that_does_not_exist_is_not_found()
    {
        var decision = JourneyDecider.Decide(JourneyState.Empty, Commands.CheckFirstContact(), Fixed.Context());

        var rejection = DecisionAssert.Rejected(decision, RejectionKind.NotFound);
        Assert.Empty(rejection.Allowed);
    }
}
