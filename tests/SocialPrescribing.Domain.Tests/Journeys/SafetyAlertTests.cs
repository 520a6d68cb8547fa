using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Journeys.Commands;
using SocialPrescribing.Domain.Journeys.Events;
using SocialPrescribing.Domain.Tests.Support;

namespace SocialPrescribing.Domain.Tests.Journeys;

public sealed class SafetyAlertTests
{
    private static JourneyBuilder WithOpenAlert() =>
        JourneyBuilder.InStatus(JourneyStatus.Engaged).Assess(AssessmentTimepoint.Baseline, 6, selfHarm: true);

    [Fact]
    public void A_self_harm_flag_raises_an_alert_in_the_same_command_whatever_the_total()
    {
        var journey = JourneyBuilder.InStatus(JourneyStatus.Engaged);
        var command = Commands.Phq9(AssessmentTimepoint.Baseline, 1, selfHarm: true);

        var decision = JourneyDecider.Decide(journey.State, command, journey.Context);

        Assert.Null(decision.Rejection);
        Assert.Collection(
            decision.Events,
            e => Assert.IsType<AssessmentRecorded>(e),
            e =>
            {
                var raised = Assert.IsType<SafetyAlertRaised>(e);
                Assert.Equal(("phq9", "self-harm-risk"), (raised.Instrument, raised.Flag));
                Assert.Equal(((AssessmentRecorded)decision.Events[0]).AssessmentId, raised.AssessmentId);
            });
        Assert.All(decision.Events, e => Assert.Equal(command.CommandId, e.CommandId));
        var state = decision.Events.Aggregate(journey.State, (s, e) => s.Apply(e));
        Assert.Equal(1, state.OpenSafetyAlerts);
    }

    [Fact]
    public void A_flag_that_is_not_a_safety_flag_raises_no_alert()
    {
        var journey = JourneyBuilder.InStatus(JourneyStatus.Engaged);
        var command = Commands.Phq9(AssessmentTimepoint.Baseline, 3) with { Flags = ["needs-interpreter"] };

        var decision = JourneyDecider.Decide(journey.State, command, journey.Context);

        DecisionAssert.Appended<AssessmentRecorded>(decision);
    }

    [Theory]
    [InlineData(JourneyCommandNames.Discharge)]
    [InlineData(JourneyCommandNames.DeclineReferral)]
    [InlineData(JourneyCommandNames.CloseUnableToContact)]
    public void An_open_alert_blocks_closing_the_journey_and_offers_the_acknowledgement(string closing)
    {
        var journey = WithOpenAlert().Attempt(Fixed.Tenant.MinimumContactAttempts);

        var decision = JourneyDecider.Decide(journey.State, Commands.Named(closing, journey.State, journey.Context), journey.Context);

        var rejection = DecisionAssert.Rejected(decision, RejectionKind.Conflict);
        Assert.Contains("safety alert", rejection.Detail, StringComparison.Ordinal);
        Assert.Contains(JourneyCommandNames.AcknowledgeSafetyAlert, rejection.Allowed);
        Assert.DoesNotContain(closing, rejection.Allowed);
    }

    [Fact]
    public void Only_a_supervisor_may_acknowledge()
    {
        var journey = WithOpenAlert();
        var alert = journey.State.SafetyAlerts[0];

        var decision = JourneyDecider.Decide(journey.State, Commands.Acknowledge(alert.Id, actor: Commands.LinkWorker), journey.Context);

        DecisionAssert.Rejected(decision, RejectionKind.Forbidden);
    }

    [Fact]
    public void A_supervisors_acknowledgement_closes_the_alert_and_frees_the_journey_to_close()
    {
        var journey = WithOpenAlert();
        var alert = journey.State.SafetyAlerts[0];

        journey.Acknowledge(alert.Id);

        var closed = journey.State.SafetyAlerts[0];
        Assert.False(closed.IsOpen);
        Assert.Equal((Commands.Supervisor, Fixed.Now), (closed.AcknowledgedBy, closed.AcknowledgedAt!.Value));
        Assert.False(string.IsNullOrWhiteSpace(closed.AcknowledgementNote));
        Assert.Equal(0, journey.State.OpenSafetyAlerts);
        Assert.DoesNotContain(JourneyCommandNames.AcknowledgeSafetyAlert, JourneyDecider.AllowedCommands(journey.State, Fixed.Tenant));
        journey.Discharge();
        Assert.Equal(JourneyStatus.Discharged, journey.State.Status);
    }

    [Fact]
    public void An_alert_already_acknowledged_is_a_conflict_naming_who_acknowledged_it()
    {
        var journey = WithOpenAlert().Assess(AssessmentTimepoint.FollowUp, 5, selfHarm: true);
        var first = journey.State.SafetyAlerts[0];
        journey.Acknowledge(first.Id);

        var decision = JourneyDecider.Decide(journey.State, Commands.Acknowledge(first.Id), journey.Context);

        var rejection = DecisionAssert.Rejected(decision, RejectionKind.Conflict);
        Assert.Equal("alertId", rejection.Field);
        Assert.Contains(Commands.Supervisor, rejection.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_alert_is_an_invalid_field()
    {
        var journey = WithOpenAlert();

        var decision = JourneyDecider.Decide(journey.State, Commands.Acknowledge(Guid.NewGuid()), journey.Context);

        Assert.Equal("alertId", DecisionAssert.Rejected(decision, RejectionKind.Invalid).Field);
    }

    [Fact]
    public void Notification_is_recorded_once_and_then_is_nothing_to_do()
    {
        var journey = WithOpenAlert();
        var alert = journey.State.SafetyAlerts[0];

        var notified = DecisionAssert.Appended<SafetyAlertNotified>(JourneyDecider.Decide(journey.State, Commands.Notify(alert.Id), journey.Context));
        var state = journey.State.Apply(notified);

        Assert.Equal(Fixed.Now, state.SafetyAlerts[0].NotifiedAt);
        Assert.True(state.SafetyAlerts[0].IsOpen);
        DecisionAssert.NothingToDo(JourneyDecider.Decide(state, Commands.Notify(alert.Id), journey.Context));
        DecisionAssert.NothingToDo(JourneyDecider.Decide(state, Commands.Notify(Guid.NewGuid()), journey.Context));
    }

    [Fact]
    public void Notification_is_not_offered_as_a_public_command()
    {
        Assert.DoesNotContain(JourneyCommandNames.NotifySafetyAlert, JourneyDecider.PublicCommands);
    }
}
