using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Journeys.Commands;
using SocialPrescribing.Domain.Journeys.Events;
using SocialPrescribing.Domain.Tests.Support;

namespace SocialPrescribing.Domain.Tests.Journeys;

/// <summary>Moving a journey to another link worker's caseload once it has been accepted.</summary>
public sealed class ReassignLinkWorkerTests
{
    public static TheoryData<JourneyStatus> AssignedStatuses() => [JourneyStatus.Accepted, JourneyStatus.Engaged];

    [Theory]
    [MemberData(nameof(AssignedStatuses))]
    public void Reassigning_moves_the_journey_to_the_new_link_worker(JourneyStatus status)
    {
        var journey = JourneyBuilder.InStatus(status);
        var before = journey.State;
        Assert.Equal(Commands.LinkWorker, before.LinkWorkerId);

        var reassigned = DecisionAssert.Appended<LinkWorkerReassigned>(
            JourneyDecider.Decide(before, Commands.Reassign("lw-chidi"), journey.Context));
        var after = before.Apply(reassigned);

        Assert.Equal((Commands.LinkWorker, "lw-chidi"), (reassigned.From, reassigned.To));
        Assert.Equal("lw-chidi", after.LinkWorkerId);
        Assert.Equal(status, after.Status);
        Assert.Equal(before.Version + 1, after.Version);
        Assert.Equal((before.AcceptedAt, before.FirstContactDueAt, before.FirstContactAt), (after.AcceptedAt, after.FirstContactDueAt, after.FirstContactAt));
    }

    [Fact]
    public void Reassigning_before_the_first_contact_keeps_the_first_contact_clock_running()
    {
        var dueAt = Fixed.InToronto(2026, 2, 11, 10);
        var journey = JourneyBuilder.InStatus(JourneyStatus.Accepted).Reassign();
        Assert.True(journey.State.AwaitsFirstContactCheck);

        journey.At(dueAt);
        var overdue = DecisionAssert.Appended<FirstContactOverdue>(
            JourneyDecider.Decide(journey.State, Commands.CheckFirstContact(), journey.Context));

        Assert.Equal(dueAt, overdue.DueAt);
    }

    [Theory]
    [MemberData(nameof(AssignedStatuses))]
    public void Reassigning_to_the_same_link_worker_is_rejected_naming_the_field(JourneyStatus status)
    {
        var journey = JourneyBuilder.InStatus(status);

        var rejection = DecisionAssert.Rejected(
            JourneyDecider.Decide(journey.State, Commands.Reassign(Commands.LinkWorker), journey.Context),
            RejectionKind.Invalid);

        Assert.Equal("linkWorkerId", rejection.Field);
        Assert.Contains(JourneyCommandNames.ReassignLinkWorker, JourneyDecider.AllowedCommands(journey.State, journey.Context.Tenant));
    }

    [Fact]
    public void After_a_reassignment_the_new_link_worker_is_the_one_already_assigned()
    {
        var journey = JourneyBuilder.InStatus(JourneyStatus.Engaged).Reassign(Commands.OtherLinkWorker);

        var again = DecisionAssert.Rejected(
            JourneyDecider.Decide(journey.State, Commands.Reassign(Commands.OtherLinkWorker), journey.Context),
            RejectionKind.Invalid);
        var back = DecisionAssert.Appended<LinkWorkerReassigned>(
            JourneyDecider.Decide(journey.State, Commands.Reassign(Commands.LinkWorker), journey.Context));

        Assert.Equal("linkWorkerId", again.Field);
        Assert.Equal((Commands.OtherLinkWorker, Commands.LinkWorker), (back.From, back.To));
    }

    [Fact]
    public void Successive_reassignments_each_start_from_the_previous_link_worker()
    {
        var journey = JourneyBuilder.InStatus(JourneyStatus.Accepted).Reassign("lw-chidi").Contact().Reassign("lw-dana");

        var moves = journey.Events.OfType<LinkWorkerReassigned>().Select(r => (r.From, r.To));

        Assert.Equal([(Commands.LinkWorker, "lw-chidi"), ("lw-chidi", "lw-dana")], moves);
        Assert.Equal("lw-dana", JourneyState.Fold(journey.Events).LinkWorkerId);
    }

    [Theory]
    [InlineData(JourneyStatus.Referred)]
    [InlineData(JourneyStatus.Declined)]
    [InlineData(JourneyStatus.UnableToContact)]
    [InlineData(JourneyStatus.Discharged)]
    public void Reassigning_a_journey_without_a_current_link_worker_or_already_closed_is_a_conflict(JourneyStatus status)
    {
        var journey = JourneyBuilder.InStatus(status);

        var rejection = DecisionAssert.Rejected(
            JourneyDecider.Decide(journey.State, Commands.Reassign("lw-chidi"), journey.Context),
            RejectionKind.Conflict);

        Assert.Contains(WireNames.Of(status), rejection.Detail, StringComparison.Ordinal);
        Assert.Equal(JourneyDecider.AllowedCommands(journey.State, journey.Context.Tenant), rejection.Allowed);
    }

    [Fact]
    public void A_reassignment_of_a_journey_that_does_not_exist_is_not_found()
    {
        DecisionAssert.Rejected(JourneyDecider.Decide(JourneyState.Empty, Commands.Reassign(), Fixed.Context()), RejectionKind.NotFound);
    }
}
