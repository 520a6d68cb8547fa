using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Journeys.Events;
using SocialPrescribing.Domain.Tests.Support;

namespace SocialPrescribing.Domain.Tests.Journeys;

public sealed class FollowUpCompletionTests
{
    [Fact]
    public void A_scheduled_follow_up_is_marked_done_once_with_its_notes()
    {
        var journey = JourneyBuilder.InStatus(JourneyStatus.Engaged)
            .ScheduleFollowUp(Fixed.TodayInToronto(Fixed.Now).AddDays(7))
            .ScheduleFollowUp(Fixed.TodayInToronto(Fixed.Now).AddDays(14));
        var id = journey.State.FollowUps[0].Id;

        var completed = DecisionAssert.Appended<FollowUpCompleted>(JourneyDecider.Decide(journey.State, Commands.CompleteFollowUp(id), journey.Context));
        var state = journey.State.Apply(completed);

        Assert.Equal((Fixed.Now, "Went to the walking group twice."), (state.FollowUps[0].CompletedAt!.Value, state.FollowUps[0].Notes));
        Assert.True(state.FollowUps[1].IsOpen);
        Assert.Equal("followUpId", DecisionAssert.Rejected(JourneyDecider.Decide(state, Commands.CompleteFollowUp(id), journey.Context), RejectionKind.Conflict).Field);
    }

    [Fact]
    public void An_unknown_follow_up_is_an_invalid_field_and_without_one_the_command_is_not_offered()
    {
        var journey = JourneyBuilder.InStatus(JourneyStatus.Engaged);
        Assert.DoesNotContain("complete-follow-up", JourneyDecider.AllowedCommands(journey.State, Fixed.Tenant));

        journey.ScheduleFollowUp(Fixed.TodayInToronto(Fixed.Now));

        Assert.Equal(
            "followUpId",
            DecisionAssert.Rejected(JourneyDecider.Decide(journey.State, Commands.CompleteFollowUp(Guid.NewGuid()), journey.Context), RejectionKind.Invalid).Field);
    }
}
