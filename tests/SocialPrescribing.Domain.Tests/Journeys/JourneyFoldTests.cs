using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Journeys.Events;
using SocialPrescribing.Domain.Tests.Support;

namespace SocialPrescribing.Domain.Tests.Journeys;

/// <summary>The state of a journey is nothing but the left fold of its events.</summary>
public sealed class JourneyFoldTests
{
    private static readonly DateTimeOffset Received = Fixed.Now;
    private static readonly DateTimeOffset Accepted = Fixed.Now.AddHours(2);
    private static readonly DateTimeOffset FirstContact = Fixed.Now.AddDays(2);
    private static readonly DateTimeOffset Conversation = Fixed.Now.AddDays(9);
    private static readonly DateTimeOffset Connected = Fixed.Now.AddDays(12);
    private static readonly DateTimeOffset Settled = Fixed.Now.AddDays(40);
    private static readonly DateTimeOffset Closed = Fixed.Now.AddDays(90);

    [Fact]
    public void Folding_a_whole_pathway_gives_the_journey_as_it_stands_at_discharge()
    {
        var journey = FullPathway(out var garden, out var choir);

        var state = JourneyState.Fold(journey.Events);

        Assert.Equal(JourneyStatus.Discharged, state.Status);
        Assert.True(state.IsClosed);
        Assert.Equal(journey.Events.Count, state.Version);
        Assert.Equal(19, state.Version);

        Assert.Equal("Marguerite", state.Client?.GivenName);
        Assert.Equal("Dr. Wei Chen", state.Referrer?.Name);
        Assert.Equal(ReferralSource.FamilyPhysician, state.Source);
        Assert.Equal(["loneliness-and-isolation", "low-mood"], state.Reasons);
        Assert.Equal("Widowed last year, rarely leaves home.", state.ReferralNotes);
        Assert.Equal(Received, state.ReferredAt);

        Assert.Equal(Commands.LinkWorker, state.LinkWorkerId);
        Assert.Equal(Accepted, state.AcceptedAt);
        Assert.Equal(Fixed.InToronto(2026, 2, 11, 12), state.FirstContactDueAt);
        Assert.Equal(FirstContact, state.FirstContactAt);
        Assert.Null(state.FirstContactOverdueAt);

        Assert.Equal(2, state.ContactAttempts);
        Assert.Equal(0, state.AttemptsSinceContact);
        Assert.Equal([FirstContact, Conversation, Settled], state.Contacts.Select(c => c.At));
        Assert.Equal(["Seeing people again", "Getting out of the house"], state.WhatMatters);
        Assert.Equal(Conversation, state.WhatMattersRecordedAt);
        Assert.Equal(["Join a walking group", "Call my sister every week"], state.Goals);
        Assert.Equal(Conversation, state.PlanAgreedAt);

        Assert.Equal(
            [(garden, "Community garden", CommunityReferralStatus.Completed, Connected, Settled), (choir, "Choir", CommunityReferralStatus.Rejected, Connected, Connected)],
            state.CommunityReferrals.Select(r => (r.Id, r.Program.Name, r.Status, r.MadeAt, r.UpdatedAt)));
        var followUp = Assert.Single(state.FollowUps);
        Assert.Equal((new DateOnly(2026, 4, 1), Settled), (followUp.DueOn, followUp.ScheduledAt));

        Assert.Equal((Closed, "Goals met."), (state.ClosedAt, state.ClosureReason));
        Assert.Equal(Closed, state.UpdatedAt);
    }

    [Fact]
    public void Folding_the_events_gives_the_same_state_as_applying_them_one_by_one()
    {
        var journey = FullPathway(out _, out _);

        var folded = JourneyState.Fold(journey.Events);

        Assert.Equal(Summary(journey.State), Summary(folded));
    }

    [Fact]
    public void Every_prefix_of_the_log_has_a_version_equal_to_its_length()
    {
        var events = FullPathway(out _, out _).Events;

        for (var length = 0; length <= events.Count; length++)
        {
            Assert.Equal(length, JourneyState.Fold(events.Take(length)).Version);
        }
    }

    [Fact]
    public void Folding_nothing_gives_a_journey_that_does_not_exist()
    {
        var state = JourneyState.Fold([]);

        Assert.Equal((JourneyStatus.None, 0L, false, false), (state.Status, state.Version, state.Exists, state.IsClosed));
    }

    [Fact]
    public void A_new_plan_replaces_the_goals_of_the_earlier_one()
    {
        var journey = JourneyBuilder.InStatus(JourneyStatus.Engaged).RecordWhatMatters().AgreePlan();
        Assert.Equal(["Join a walking group", "Call my sister every week"], journey.State.Goals);
        var replan = new PlanAgreed(["Walk to the market"]) { CommandId = Guid.NewGuid(), Actor = "lw", OccurredAt = Settled };

        var state = journey.State.Apply(replan);

        Assert.Equal(["Walk to the market"], state.Goals);
        Assert.Equal(Settled, state.PlanAgreedAt);
    }

    [Fact]
    public void Folding_is_pure_and_leaves_the_earlier_state_unchanged()
    {
        var journey = JourneyBuilder.InStatus(JourneyStatus.Accepted);
        var before = journey.State;

        _ = before.Apply(new ContactRecorded(ContactMode.Text, null, null, true) { CommandId = Guid.NewGuid(), Actor = "lw", OccurredAt = FirstContact });

        Assert.Equal(JourneyStatus.Accepted, before.Status);
        Assert.Empty(before.Contacts);
        Assert.Equal(2, before.Version);
    }

    [Fact]
    public void Failed_attempts_are_counted_in_total_and_since_the_last_contact()
    {
        var at = Fixed.Now;
        JourneyEvent[] events =
        [
            Stamped(SampleEvents.ByType[nameof(ReferralReceived)], at),
            Stamped(new ContactAttempted(ContactAttemptOutcome.NoAnswer, null), at.AddHours(1)),
            Stamped(new ReferralAccepted("lw", at.AddDays(7)), at.AddHours(2)),
            Stamped(new ContactAttempted(ContactAttemptOutcome.Busy, null), at.AddHours(3)),
            Stamped(new ContactRecorded(ContactMode.Phone, null, null, true), at.AddHours(4)),
            Stamped(new ContactAttempted(ContactAttemptOutcome.LeftMessage, null), at.AddHours(5)),
            Stamped(new ContactRecorded(ContactMode.Phone, null, null, false), at.AddHours(6)),
            Stamped(new ContactAttempted(ContactAttemptOutcome.WrongNumber, null), at.AddHours(7)),
            Stamped(new ContactAttempted(ContactAttemptOutcome.Other, null), at.AddHours(8)),
        ];

        var counts = Enumerable.Range(1, events.Length)
            .Select(n => JourneyState.Fold(events.Take(n)))
            .Select(s => (s.ContactAttempts, s.AttemptsSinceContact));

        Assert.Equal([(0, 0), (1, 1), (1, 1), (2, 2), (2, 0), (3, 1), (3, 0), (4, 1), (5, 2)], counts);
    }

    [Fact]
    public void A_reassignment_changes_only_the_link_worker()
    {
        var journey = JourneyBuilder.InStatus(JourneyStatus.Engaged).RecordWhatMatters();
        var moved = new LinkWorkerReassigned(Commands.LinkWorker, "lw-ines") { CommandId = Guid.NewGuid(), Actor = "coordinator:sam", OccurredAt = Settled };

        var state = journey.State.Apply(moved);

        Assert.Equal("lw-ines", state.LinkWorkerId);
        Assert.Equal(journey.State with { LinkWorkerId = "lw-ines", Version = journey.State.Version + 1, UpdatedAt = Settled }, state);
    }

    private static T Stamped<T>(T e, DateTimeOffset at)
        where T : JourneyEvent =>
        e with { CommandId = Guid.NewGuid(), Actor = "lw", OccurredAt = at };

    private static JourneyBuilder FullPathway(out Guid garden, out Guid choir)
    {
        var journey = new JourneyBuilder()
            .At(Received).Receive()
            .At(Accepted).Accept()
            .Attempt(2)
            .At(FirstContact).Contact()
            .At(Conversation).Contact(ContactMode.InPerson).RecordWhatMatters().AgreePlan()
            .At(Connected).ReferToCommunity("Community garden");
        garden = journey.LastCommunityReferralId;
        journey.ReferToCommunity("Choir");
        choir = journey.LastCommunityReferralId;
        journey
            .MoveCommunityReferral(choir, CommunityReferralStatus.Rejected)
            .MoveCommunityReferral(garden, CommunityReferralStatus.Accepted)
            .MoveCommunityReferral(garden, CommunityReferralStatus.InProgress)
            .MoveCommunityReferral(garden, CommunityReferralStatus.OnHold)
            .MoveCommunityReferral(garden, CommunityReferralStatus.InProgress)
            .At(Settled).MoveCommunityReferral(garden, CommunityReferralStatus.Completed)
            .Contact(ContactMode.Video)
            .ScheduleFollowUp(new DateOnly(2026, 4, 1))
            .At(Closed).Discharge();
        return journey;
    }

    private static string Summary(JourneyState s) =>
        string.Join(
            '|',
            s.Status,
            s.Version,
            s.LinkWorkerId,
            s.ContactAttempts,
            s.AttemptsSinceContact,
            s.Contacts.Count,
            string.Join(',', s.CommunityReferrals.Select(r => $"{r.Id}:{r.Status}")),
            s.FollowUps.Count,
            s.FirstContactAt,
            s.ClosedAt,
            s.UpdatedAt);
}
