using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Journeys.Commands;
using SocialPrescribing.Domain.Journeys.Events;
using SocialPrescribing.Domain.Tests.Support;

namespace SocialPrescribing.Domain.Tests.Journeys;

/// <summary>What must hold for any sequence of commands, however unlikely.</summary>
public sealed class JourneyPropertyTests
{
    [Property(Arbitrary = [typeof(JourneyArbitraries)], MaxTest = 300)]
    public void Any_sequence_of_commands_is_decided_and_folded_without_error_and_versions_count_every_event(JourneyScript script)
    {
        var run = script.Run();

        Assert.Equal(run.Appended.Count, run.Final.Version);
        Assert.Equal(run.Final.Version, JourneyState.Fold(run.Appended).Version);
        Assert.Equal(run.Final.Status, JourneyState.Fold(run.Appended).Status);
        Assert.All(run.Steps, s => Assert.True(s.Decision.Events.IsEmpty || s.Decision.Rejection is null));
    }

    /// <summary>The commands a closed journey still takes: the person's consent and lock-box directives, which outlive the pathway.</summary>
    private static readonly string[] PersonsChoices =
    [
        JourneyCommandNames.RecordConsent, JourneyCommandNames.WithdrawConsent,
        JourneyCommandNames.WithholdInformation, JourneyCommandNames.ReleaseWithheldInformation,
    ];

    [Property(Arbitrary = [typeof(JourneyArbitraries)], MaxTest = 300)]
    public void A_closed_journey_accepts_no_pathway_command_and_stays_closed(JourneyScript script)
    {
        var run = script.Run();

        foreach (var closed in run.Steps.Where(s => s.Before.IsClosed))
        {
            var after = closed.Decision.Events.Aggregate(closed.Before, (state, e) => state.Apply(e));
            Assert.Equal((closed.Before.Status, closed.Before.ClosedAt), (after.Status, after.ClosedAt));
            Assert.Subset(PersonsChoices.ToHashSet(), JourneyDecider.AllowedCommands(closed.Before, closed.Context.Tenant).ToHashSet());
            foreach (var name in Commands.AllPublicNames.Except(PersonsChoices))
            {
                var decision = JourneyDecider.Decide(closed.Before, Commands.Named(name, closed.Before, closed.Context), closed.Context);
                Assert.Empty(decision.Events);
                Assert.Equal(RejectionKind.Conflict, decision.Rejection?.Kind);
            }
        }

        Assert.Equal(run.Final.IsClosed, run.Final.ClosedAt is not null);
    }

    [Property(Arbitrary = [typeof(JourneyArbitraries)], MaxTest = 300)]
    public void The_allowed_commands_are_exactly_the_public_commands_the_decider_would_accept(JourneyScript script)
    {
        foreach (var step in script.Run().Steps.Where(s => s.Before.Exists))
        {
            var allowed = JourneyDecider.AllowedCommands(step.Before, step.Context.Tenant);
            foreach (var name in JourneyDecider.PublicCommands)
            {
                var decision = JourneyDecider.Decide(step.Before, Commands.Named(name, step.Before, step.Context), step.Context);
                Assert.Equal(allowed.Contains(name), decision.Rejection is null);
                if (decision.Rejection is { } rejection)
                {
                    Assert.Equal(RejectionKind.Conflict, rejection.Kind);
                    Assert.Equal(allowed, rejection.Allowed);
                }
            }
        }
    }

    [Property(Arbitrary = [typeof(JourneyArbitraries)], MaxTest = 300)]
    public void A_journey_is_overdue_at_most_once_and_never_after_a_first_contact(JourneyScript script)
    {
        var run = script.Run();

        var overdue = run.Appended.OfType<FirstContactOverdue>().ToList();
        Assert.True(overdue.Count <= 1);
        Assert.True(run.Appended.OfType<ContactRecorded>().Count(c => c.IsFirstContact) <= 1);

        // "After" in the stream's order: a contact recorded in the same minute as the overdue check, just after it, still follows it.
        var firstContact = run.Appended.ToList().FindIndex(e => e is ContactRecorded { IsFirstContact: true });
        if (firstContact >= 0)
        {
            Assert.DoesNotContain(run.Appended.Skip(firstContact), e => e is FirstContactOverdue);
            Assert.All(overdue, o => Assert.True(run.Final.FirstContactAt >= o.OccurredAt));
        }
    }

    /// <summary>The case a random run found: the overdue check and the first contact in the same minute, the check first.</summary>
    [Fact]
    public void A_first_contact_recorded_in_the_same_minute_as_the_overdue_check_follows_it()
    {
        static JourneyStep Step(string command, int minutesLater) => new(command, 0, CommunityReferralStatus.Accepted, minutesLater, 0);
        var script = new JourneyScript(
        [
            Step(JourneyCommandNames.ReceiveReferral, 60),
            Step(JourneyCommandNames.AcceptReferral, 7662),
            Step(JourneyCommandNames.CheckFirstContact, 11684 + 110),
            Step(JourneyCommandNames.RecordContact, 0),
        ]);

        var run = script.Run();

        Assert.Equal([typeof(FirstContactOverdue), typeof(ContactRecorded)], run.Appended.TakeLast(2).Select(e => e.GetType()));
        Assert.Equal(run.Appended[^2].OccurredAt, run.Final.FirstContactAt);
        A_journey_is_overdue_at_most_once_and_never_after_a_first_contact(script);
    }

    [Property(Arbitrary = [typeof(JourneyArbitraries)], MaxTest = 300)]
    public void Every_event_of_a_decision_carries_the_command_id_and_actor_of_the_command_that_raised_it(JourneyScript script)
    {
        foreach (var step in script.Run().Steps)
        {
            Assert.All(step.Decision.Events, e => Assert.Equal((step.Command.CommandId, step.Command.Actor), (e.CommandId, e.Actor)));
        }
    }

    [Property(Arbitrary = [typeof(JourneyArbitraries)], MaxTest = 300)]
    public void Closing_a_journey_cancels_exactly_its_open_community_referrals_and_trips_and_then_closes_it(JourneyScript script)
    {
        foreach (var step in script.Run().Steps.Where(s => !s.Before.IsClosed && !s.Decision.Events.IsEmpty))
        {
            var after = step.Decision.Events.Aggregate(step.Before, (state, e) => state.Apply(e));
            if (!after.IsClosed)
            {
                continue;
            }

            var open = step.Before.CommunityReferrals.Where(r => !CommunityReferralTransitions.IsTerminal(r.Status)).Select(r => (r.Id, r.Status));
            var cancelled = step.Decision.Events.SkipLast(1).OfType<CommunityReferralStatusChanged>().ToList();
            var cancelledTrips = step.Decision.Events.SkipLast(1).OfType<TransportCancelled>().Select(t => t.TripId);
            Assert.Equal(step.Decision.Events.Length - 1, cancelled.Count + cancelledTrips.Count());
            Assert.Equal(open, cancelled.Select(c => (c.CommunityReferralId, c.From)));
            Assert.Equal(step.Before.Trips.Where(t => t.IsOpen).Select(t => t.Id), cancelledTrips);
            Assert.All(after.Trips, t => Assert.False(t.IsOpen));
            Assert.All(cancelled, c => Assert.Equal(CommunityReferralStatus.Cancelled, c.To));
            Assert.IsNotType<CommunityReferralStatusChanged>(step.Decision.Events[^1]);
            Assert.All(after.CommunityReferrals, r => Assert.True(CommunityReferralTransitions.IsTerminal(r.Status)));
        }
    }

    [Property(Arbitrary = [typeof(JourneyArbitraries)], MaxTest = 300)]
    public void The_attempts_since_contact_are_the_failed_attempts_logged_after_the_last_contact(JourneyScript script)
    {
        var run = script.Run();

        var sinceContact = run.Appended.Reverse().TakeWhile(e => e is not ContactRecorded).OfType<ContactAttempted>().Count();
        Assert.Equal(sinceContact, run.Final.AttemptsSinceContact);
        Assert.Equal(run.Appended.OfType<ContactAttempted>().Count(), run.Final.ContactAttempts);
        Assert.All(
            run.Steps.Where(s => s.Command is CloseUnableToContact && s.Decision.Rejection is null),
            s => Assert.True(s.Before.AttemptsSinceContact >= s.Context.Tenant.MinimumContactAttempts));
    }

    [Property(Arbitrary = [typeof(JourneyArbitraries)], MaxTest = 300)]
    public void Each_reassignment_starts_from_the_link_worker_then_assigned_and_moves_to_another(JourneyScript script)
    {
        var run = script.Run();

        string? current = null;
        foreach (var e in run.Appended)
        {
            switch (e)
            {
                case ReferralAccepted accepted:
                    current = accepted.LinkWorkerId;
                    break;
                case LinkWorkerReassigned moved:
                    Assert.Equal(current, moved.From);
                    Assert.NotEqual(moved.From, moved.To);
                    current = moved.To;
                    break;
            }
        }

        Assert.Equal(current, run.Final.LinkWorkerId);
    }

    [Property(Arbitrary = [typeof(JourneyArbitraries)], MaxTest = 300)]
    public void Declining_is_never_accepted_once_a_plan_is_agreed(JourneyScript script)
    {
        Assert.All(
            script.Run().Steps.Where(s => s.Command is DeclineReferral && s.Before.PlanAgreedAt is not null),
            s => Assert.Equal(RejectionKind.Conflict, s.Decision.Rejection?.Kind));
    }

    // A fixed seed: these check the generator itself, so they must not depend on luck.
    [Fact]
    public void The_random_journeys_reach_every_status_so_the_properties_are_not_vacuous()
    {
        var seen = JourneyArbitraries.Scripts.Sample(40, new Rnd(20260204UL), 400)
            .SelectMany(script => script.Run().Steps.Select(s => s.Before.Status))
            .ToHashSet();

        Assert.Equal(Enum.GetValues<JourneyStatus>().Order(), seen.Order());
    }

    [Fact]
    public void The_random_journeys_hit_every_command_while_it_is_allowed()
    {
        var accepted = JourneyArbitraries.Scripts.Sample(40, new Rnd(20260204UL), 400)
            .SelectMany(script => script.Run().Steps)
            .Where(s => !s.Decision.Events.IsEmpty)
            .Select(s => s.Command.Name)
            .ToHashSet();

        Assert.Equal(
            new[] { JourneyCommandNames.ReceiveReferral, JourneyCommandNames.CheckFirstContact, JourneyCommandNames.RecordTransportOutcome }.Concat(JourneyDecider.PublicCommands).Order(),
            accepted.Order());
    }

    /// <summary>The new and rarer paths, each checked over about as many journeys as one property run sees.</summary>
    [Fact]
    public void The_random_journeys_walk_the_paths_that_only_some_journeys_reach()
    {
        var steps = JourneyArbitraries.Scripts.Sample(300, new Rnd(20260204UL), 100)
            .SelectMany(script => script.Run().Steps)
            .ToList();

        bool Reached(Func<DecidedStep, bool> path) => steps.Exists(s => path(s));
        static bool Taken(DecidedStep s, string name, JourneyStatus from) =>
            s.Command.Name == name && s.Before.Status == from && s.Decision.Rejection is null;
        static bool ClosedCancelling(DecidedStep s, string name) =>
            s.Command.Name == name && s.Decision.Events.OfType<CommunityReferralStatusChanged>().Any() && s.Decision.Events[^1] is not CommunityReferralStatusChanged;

        Assert.True(Reached(s => Taken(s, JourneyCommandNames.ReassignLinkWorker, JourneyStatus.Accepted)), "reassigned before the first contact");
        Assert.True(Reached(s => Taken(s, JourneyCommandNames.ReassignLinkWorker, JourneyStatus.Engaged)), "reassigned after the first contact");
        Assert.True(Reached(s => s.Command is ReassignLinkWorker && s.Decision.Rejection?.Kind == RejectionKind.Invalid), "reassigned to the same link worker");
        Assert.True(Reached(s => Taken(s, JourneyCommandNames.DeclineReferral, JourneyStatus.Engaged)), "declined after the first contact");
        Assert.True(Reached(s => s.Command is DeclineReferral && s.Before is { Status: JourneyStatus.Engaged, PlanAgreedAt: not null }), "declined after a plan");
        Assert.True(Reached(s => Taken(s, JourneyCommandNames.CloseUnableToContact, JourneyStatus.Engaged)), "closed as unable to contact after a contact");
        Assert.True(Reached(s => Taken(s, JourneyCommandNames.MakeCommunityReferral, JourneyStatus.Engaged) && s.Before.PlanAgreedAt is null), "referred on before a plan");
        Assert.True(Reached(s => ClosedCancelling(s, JourneyCommandNames.DeclineReferral)), "declined with an open community referral");
        Assert.True(Reached(s => ClosedCancelling(s, JourneyCommandNames.CloseUnableToContact)), "closed as unable to contact with an open community referral");
        Assert.True(Reached(s => ClosedCancelling(s, JourneyCommandNames.Discharge)), "discharged with an open community referral");
    }
}
