using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Journeys.Commands;
using SocialPrescribing.Domain.Journeys.Events;
using SocialPrescribing.Domain.Tests.Support;
using static SocialPrescribing.Domain.Journeys.CommunityReferralStatus;

namespace SocialPrescribing.Domain.Tests.Journeys;

/// <summary>A provider's answers to a referral addressed to it, over the FHIR Task statuses, and the silent-provider check.</summary>
public sealed class PartnerAnswerTests
{
    private static readonly Guid Provider = Guid.Parse("6f1c1c7e-55c4-4d0a-9f0e-2d1d7c0b9a11");

    private static readonly Dictionary<CommunityReferralStatus, PartnerAnswer[]> Expected = new()
    {
        [Requested] = [PartnerAnswer.Accepted, PartnerAnswer.Declined, PartnerAnswer.Waitlisted],
        [CommunityReferralStatus.Accepted] = [PartnerAnswer.Waitlisted, PartnerAnswer.Attended, PartnerAnswer.DidNotAttend],
        [InProgress] = [PartnerAnswer.Attended, PartnerAnswer.DidNotAttend, PartnerAnswer.Completed],
        [OnHold] = [PartnerAnswer.Accepted, PartnerAnswer.Declined, PartnerAnswer.Attended],
        [Rejected] = [],
        [CommunityReferralStatus.Completed] = [],
        [Failed] = [],
        [Cancelled] = [],
    };

    public static TheoryData<CommunityReferralStatus> Statuses() => [.. Enum.GetValues<CommunityReferralStatus>()];

    private static JourneyBuilder Addressed(out Guid referral)
    {
        var journey = JourneyBuilder.InStatus(JourneyStatus.Engaged).Then(new MakeCommunityReferral(
            new CommunityProgram("Walking club", "svc-1", "Walking Society", Guid.NewGuid(), Provider), "Mornings.")
        {
            CommandId = Guid.NewGuid(),
            Actor = Commands.LinkWorker,
        });
        referral = journey.LastCommunityReferralId;
        return journey;
    }

    private static AnswerCommunityReferral Answer(Guid referral, PartnerAnswer answer, DeclineReason? reason = null, Guid? organization = null) =>
        new(referral, answer, reason, null, [organization ?? Provider]) { CommandId = Guid.NewGuid(), Actor = "partner-anna" };

    [Theory]
    [MemberData(nameof(Statuses))]
    public void The_answers_a_provider_may_give_follow_the_referrals_status(CommunityReferralStatus status)
    {
        Assert.Equal(Expected[status], CommunityReferralTransitions.AnswersAfter(status));
    }

    [Fact]
    public void A_provider_takes_the_person_from_waitlist_to_completion_and_each_answer_is_kept()
    {
        var journey = Addressed(out var referral);
        var made = Fixed.Now;
        journey.At(made.AddHours(30)).Then(Answer(referral, PartnerAnswer.Waitlisted))
            .At(made.AddDays(9)).Then(Answer(referral, PartnerAnswer.Accepted))
            .At(made.AddDays(12)).Then(Answer(referral, PartnerAnswer.DidNotAttend))
            .At(made.AddDays(19)).Then(Answer(referral, PartnerAnswer.Attended))
            .At(made.AddDays(26)).Then(Answer(referral, PartnerAnswer.Attended))
            .At(made.AddDays(60)).Then(Answer(referral, PartnerAnswer.Completed));

        var r = journey.State.CommunityReferrals.Single();
        Assert.Equal((CommunityReferralStatus.Completed, PartnerAnswer.Completed), (r.Status, r.LastAnswer));
        Assert.Equal((made.AddHours(30), made.AddDays(19)), (r.AnsweredAt, r.StartedAt));
        Assert.Equal((2, 1), (r.SessionsAttended, r.SessionsMissed));
        var answered = journey.Events.OfType<CommunityReferralAnswered>().ToList();
        Assert.Equal([OnHold, CommunityReferralStatus.Accepted, CommunityReferralStatus.Accepted, InProgress, InProgress, CommunityReferralStatus.Completed], answered.Select(a => a.To));
        Assert.All(answered, a => Assert.Equal("partner-anna", a.Actor));
    }

    [Fact]
    public void A_decline_needs_its_reason_and_only_a_decline_takes_one()
    {
        var journey = Addressed(out var referral);

        Assert.Equal("reason", DecisionAssert.Rejected(JourneyDecider.Decide(journey.State, Answer(referral, PartnerAnswer.Declined), journey.Context), RejectionKind.Invalid).Field);
        Assert.Equal("reason", DecisionAssert.Rejected(JourneyDecider.Decide(journey.State, Answer(referral, PartnerAnswer.Accepted, DeclineReason.Other), journey.Context), RejectionKind.Invalid).Field);
        journey.Then(Answer(referral, PartnerAnswer.Declined, DeclineReason.NoCapacity));
        Assert.Equal((Rejected, DeclineReason.NoCapacity), (journey.State.CommunityReferrals[0].Status, journey.State.CommunityReferrals[0].DeclineReason));
    }

    [Fact]
    public void An_answer_the_status_does_not_allow_is_a_conflict_naming_those_it_does()
    {
        var journey = Addressed(out var referral);

        var rejection = DecisionAssert.Rejected(JourneyDecider.Decide(journey.State, Answer(referral, PartnerAnswer.Completed), journey.Context), RejectionKind.Conflict);

        Assert.Equal("answer", rejection.Field);
        Assert.Equal(["accepted", "declined", "waitlisted"], rejection.Allowed);
    }

    [Fact]
    public void A_provider_of_another_organization_or_a_referral_not_addressed_is_told_nothing()
    {
        var journey = Addressed(out var referral).ReferToCommunity("Free-text choir");
        var unaddressed = journey.LastCommunityReferralId;

        DecisionAssert.Rejected(JourneyDecider.Decide(journey.State, Answer(referral, PartnerAnswer.Accepted, organization: Guid.NewGuid()), journey.Context), RejectionKind.NotFound);
        DecisionAssert.Rejected(JourneyDecider.Decide(journey.State, Answer(unaddressed, PartnerAnswer.Accepted), journey.Context), RejectionKind.NotFound);
        Assert.DoesNotContain(JourneyCommandNames.AnswerCommunityReferral, JourneyDecider.AllowedCommands(journey.State, journey.Context.Tenant));
    }

    [Fact]
    public void A_silent_provider_makes_one_follow_up_and_an_answered_one_none()
    {
        var journey = Addressed(out var referral);
        var check = new CheckPartnerResponse(referral) { CommandId = Guid.NewGuid(), Actor = "system:partner-response-check" };
        var madeAt = journey.State.CommunityReferrals[0].MadeAt;
        var dueAt = JourneyDecider.PartnerAnswerDueAt(madeAt, journey.Context.Tenant);

        // Not before the tenant's deadline, however the check comes early.
        Assert.True(dueAt - madeAt >= TimeSpan.FromDays(journey.Context.Tenant.PartnerResponseBusinessDays) - TimeSpan.FromHours(1));
        Assert.Empty(JourneyDecider.Decide(journey.State, check, journey.Context with { Now = dueAt - TimeSpan.FromSeconds(1) }).Events);

        journey.At(dueAt).Then(check);

        var overdue = Assert.Single(journey.Events.OfType<PartnerResponseOverdue>());
        var followUp = Assert.Single(journey.State.FollowUps);
        Assert.Equal((overdue.FollowUpId, referral), (followUp.Id, followUp.CommunityReferralId));
        Assert.NotNull(journey.State.CommunityReferrals[0].ResponseOverdueAt);
        Assert.Empty(JourneyDecider.Decide(journey.State, check with { CommandId = Guid.NewGuid() }, journey.Context).Events);

        var answered = Addressed(out var other).Then(Answer(other, PartnerAnswer.Accepted));
        Assert.Empty(JourneyDecider.Decide(answered.State, new CheckPartnerResponse(other) { CommandId = Guid.NewGuid(), Actor = "system" }, answered.Context with { Now = dueAt.AddDays(30) }).Events);
    }
}
