using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Journeys.Commands;
using SocialPrescribing.Domain.Journeys.Events;
using SocialPrescribing.Domain.Tests.Support;
using Names = SocialPrescribing.Domain.Journeys.Commands.JourneyCommandNames;

namespace SocialPrescribing.Domain.Tests.Journeys;

/// <summary>Every event says which command raised it, who sent that command, and when it was decided.</summary>
public sealed class EventMetadataTests
{
    private static readonly DateTimeOffset DecidedAt = new(2026, 2, 20, 18, 45, 12, TimeSpan.Zero);

    /// <summary>
    /// Every command that raises an event, with the status of a journey that accepts it. An engaged journey has
    /// an open community referral, so its closing commands raise a cancellation before the closing event.
    /// </summary>
    private static readonly (string Name, JourneyStatus Status)[] Raisers =
    [
        (Names.ReceiveReferral, JourneyStatus.None),
        (Names.AcceptReferral, JourneyStatus.Referred),
        (Names.ReassignLinkWorker, JourneyStatus.Accepted),
        (Names.ReassignLinkWorker, JourneyStatus.Engaged),
        (Names.DeclineReferral, JourneyStatus.Referred),
        (Names.DeclineReferral, JourneyStatus.Engaged),
        (Names.RecordContactAttempt, JourneyStatus.Referred),
        (Names.CloseUnableToContact, JourneyStatus.Referred),
        (Names.CloseUnableToContact, JourneyStatus.Engaged),
        (Names.RecordContact, JourneyStatus.Accepted),
        (Names.RecordWhatMatters, JourneyStatus.Engaged),
        (Names.RecordUnmetNeed, JourneyStatus.Engaged),
        (Names.RecordBarriers, JourneyStatus.Engaged),
        (Names.AgreePlan, JourneyStatus.Engaged),
        (Names.MakeCommunityReferral, JourneyStatus.Engaged),
        (Names.UpdateCommunityReferral, JourneyStatus.Engaged),
        (Names.ScheduleFollowUp, JourneyStatus.Engaged),
        (Names.CompleteFollowUp, JourneyStatus.Engaged),
        (Names.RequestTransport, JourneyStatus.Engaged),
        (Names.CancelTransport, JourneyStatus.Engaged),
        (Names.RecordAssessment, JourneyStatus.Engaged),
        (Names.Discharge, JourneyStatus.Engaged),
        (Names.RecordConsent, JourneyStatus.Referred),
        (Names.WithdrawConsent, JourneyStatus.Discharged),
        (Names.WithholdInformation, JourneyStatus.Engaged),
        (Names.ReleaseWithheldInformation, JourneyStatus.Declined),
        (Names.OpenEmergencyAccess, JourneyStatus.Discharged),
    ];

    public static TheoryData<string, JourneyStatus> EventRaisingCommands()
    {
        var data = new TheoryData<string, JourneyStatus>();
        foreach (var (name, status) in Raisers)
        {
            data.Add(name, status);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EventRaisingCommands))]
    public void Every_raised_event_carries_the_command_id_the_actor_and_the_decision_time(string name, JourneyStatus status)
    {
        var journey = JourneyBuilder.WithEveryGuardMet(status).At(DecidedAt);
        var command = Commands.Named(name, journey.State, journey.Context) with { CommandId = Guid.NewGuid(), Actor = "lw-metadata-check" };

        var decision = JourneyDecider.Decide(journey.State, command, journey.Context);

        Assert.Null(decision.Rejection);
        Assert.NotEmpty(decision.Events);
        // Closing an engaged journey also cancels its open community referral and its open trip.
        Assert.Equal(ClosesWithAnOpenReferral(name, status) ? 3 : 1, decision.Events.Length);
        Assert.All(decision.Events, e => Assert.Equal((command.CommandId, "lw-metadata-check", DecidedAt), (e.CommandId, e.Actor, e.OccurredAt)));
        Assert.Equal(DecidedAt, decision.Events.Aggregate(journey.State, (s, e) => s.Apply(e)).UpdatedAt);
    }

    private static bool ClosesWithAnOpenReferral(string name, JourneyStatus status) =>
        status == JourneyStatus.Engaged && name is Names.DeclineReferral or Names.CloseUnableToContact or Names.Discharge;

    [Fact]
    public void The_overdue_mark_carries_the_jobs_command_id_actor_and_time()
    {
        var journey = JourneyBuilder.InStatus(JourneyStatus.Accepted).At(DecidedAt);
        var check = new CheckFirstContact { CommandId = Guid.NewGuid(), Actor = "system:first-contact-job" };

        var e = Assert.Single(JourneyDecider.Decide(journey.State, check, journey.Context).Events);

        Assert.Equal((check.CommandId, "system:first-contact-job", DecidedAt), (e.CommandId, e.Actor, e.OccurredAt));
    }

    [Fact]
    public void The_safety_alert_events_carry_their_commands_id_actor_and_time()
    {
        var journey = JourneyBuilder.InStatus(JourneyStatus.Engaged).At(DecidedAt).Assess(AssessmentTimepoint.Baseline, 2, selfHarm: true);
        var alert = journey.State.SafetyAlerts[0];
        var notify = Commands.Notify(alert.Id);
        var acknowledge = Commands.Acknowledge(alert.Id);

        var notified = Assert.Single(JourneyDecider.Decide(journey.State, notify, journey.Context).Events);
        var acknowledged = Assert.Single(JourneyDecider.Decide(journey.State, acknowledge, journey.Context).Events);

        Assert.Equal((notify.CommandId, notify.Actor, DecidedAt), (notified.CommandId, notified.Actor, notified.OccurredAt));
        Assert.Equal((acknowledge.CommandId, acknowledge.Actor, DecidedAt), (acknowledged.CommandId, acknowledged.Actor, acknowledged.OccurredAt));
        Assert.Equal(journey.Events[^2].CommandId, journey.Events[^1].CommandId);
    }

    private static IEnumerable<string> SafetyAlertEventTypes() =>
        [nameof(SafetyAlertRaised), nameof(SafetyAlertNotified), nameof(SafetyAlertAcknowledged)];

    [Fact]
    public void Every_event_type_that_a_command_raises_is_covered_by_the_metadata_check()
    {
        var raised = Raisers
            .SelectMany(c =>
            {
                var journey = JourneyBuilder.WithEveryGuardMet(c.Status);
                return JourneyDecider.Decide(journey.State, Commands.Named(c.Name, journey.State, journey.Context), journey.Context).Events;
            })
            .Select(e => e.Type)
            .Append(nameof(FirstContactOverdue))
            .Concat([nameof(TransportConfirmed), nameof(TransportFailed)])
            .Concat([nameof(CommunityReferralAnswered), nameof(PartnerResponseOverdue)])
            .Concat(SafetyAlertEventTypes())
            .Append(nameof(EmergencyAccessNotified))
            .ToHashSet();

        Assert.Equal(JourneyEventTypes.All.Select(t => t.Name).Order(), raised.Order());
    }
}
