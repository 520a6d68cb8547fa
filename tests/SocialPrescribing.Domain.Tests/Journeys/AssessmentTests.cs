using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Journeys.Commands;
using SocialPrescribing.Domain.Journeys.Events;
using SocialPrescribing.Domain.Tests.Support;

namespace SocialPrescribing.Domain.Tests.Journeys;

public sealed class AssessmentTests
{
    [Fact]
    public void An_assessment_is_recorded_with_its_result_as_computed_and_folded_into_the_journey()
    {
        var journey = JourneyBuilder.InStatus(JourneyStatus.Engaged);

        var decision = JourneyDecider.Decide(journey.State, Commands.Phq9(AssessmentTimepoint.Baseline, 12), journey.Context);

        var recorded = DecisionAssert.Appended<AssessmentRecorded>(decision);
        Assert.Equal(("phq9", "1.0", AssessmentTimepoint.Baseline), (recorded.Instrument, recorded.InstrumentVersion, recorded.Timepoint));
        Assert.Equal(new AssessmentScore("total", 12, "moderate"), Assert.Single(recorded.Scores));
        var state = journey.State.Apply(recorded);
        var kept = Assert.Single(state.Assessments);
        Assert.Equal((recorded.AssessmentId, Commands.LinkWorker, Fixed.Now), (kept.Id, kept.RecordedBy, kept.RecordedAt));
        Assert.Equal(JourneyStatus.Engaged, state.Status);
    }

    [Theory]
    [InlineData(JourneyStatus.Referred)]
    [InlineData(JourneyStatus.Accepted)]
    [InlineData(JourneyStatus.Discharged)]
    [InlineData(JourneyStatus.Declined)]
    public void Assessments_are_taken_with_an_engaged_person_only(JourneyStatus status)
    {
        var journey = JourneyBuilder.InStatus(status);

        var decision = JourneyDecider.Decide(journey.State, Commands.Phq9(AssessmentTimepoint.Baseline, 3), journey.Context);

        var rejection = DecisionAssert.Rejected(decision, RejectionKind.Conflict);
        Assert.DoesNotContain(JourneyCommandNames.RecordAssessment, rejection.Allowed);
    }

    [Fact]
    public void A_second_baseline_of_the_same_instrument_is_refused_pointing_to_follow_up()
    {
        var journey = JourneyBuilder.InStatus(JourneyStatus.Engaged).Assess(AssessmentTimepoint.Baseline, 14);

        var decision = JourneyDecider.Decide(journey.State, Commands.Phq9(AssessmentTimepoint.Baseline, 9), journey.Context);

        var rejection = DecisionAssert.Rejected(decision, RejectionKind.Conflict);
        Assert.Equal("timepoint", rejection.Field);
        Assert.Equal(["follow-up", "discharge"], rejection.Allowed);
    }

    [Fact]
    public void Several_follow_ups_are_kept_in_order()
    {
        var journey = JourneyBuilder.InStatus(JourneyStatus.Engaged)
            .Assess(AssessmentTimepoint.Baseline, 16)
            .At(Fixed.Now.AddDays(30)).Assess(AssessmentTimepoint.FollowUp, 11)
            .At(Fixed.Now.AddDays(60)).Assess(AssessmentTimepoint.FollowUp, 8)
            .At(Fixed.Now.AddDays(90)).Assess(AssessmentTimepoint.Discharge, 4);

        Assert.Equal([16m, 11m, 8m, 4m], journey.State.Assessments.Select(a => a.Scores[0].Value));
        Assert.Equal(4, journey.State.Assessments.Select(a => a.Id).Distinct().Count());
    }
}
