using System.Collections.Immutable;
using SocialPrescribing.Abstractions.Assessments;
using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Outcomes;
using SocialPrescribing.Domain.Tests.Support;

namespace SocialPrescribing.Domain.Tests.Outcomes;

public sealed class OutcomeTests
{
    [Fact]
    public void The_first_baseline_is_compared_with_the_latest_follow_up_by_the_instruments_rule()
    {
        var journey = JourneyBuilder.InStatus(JourneyStatus.Engaged)
            .Assess(AssessmentTimepoint.Baseline, 16)
            .At(Fixed.Now.AddDays(30)).Assess(AssessmentTimepoint.FollowUp, 14)
            .At(Fixed.Now.AddDays(60)).Assess(AssessmentTimepoint.FollowUp, 10);

        var outcome = Assert.Single(JourneyOutcomes.Compute(journey.State.Assessments, _ => TestPhq9.Instance));

        Assert.Equal(16, outcome.Baseline!.Scores[0].Value);
        Assert.Equal(10, outcome.Latest!.Scores[0].Value);
        Assert.Equal(3, outcome.Series.Length);
        var change = outcome.Comparison!.Changes["total"];
        Assert.Equal((-6m, ChangeDirection.MeaningfulImprovement), (change.Change, change.Direction));
    }

    [Fact]
    public void Without_a_re_measure_or_a_baseline_there_is_no_comparison()
    {
        var baselineOnly = JourneyBuilder.InStatus(JourneyStatus.Engaged).Assess(AssessmentTimepoint.Baseline, 16);
        var followUpOnly = JourneyBuilder.InStatus(JourneyStatus.Engaged).Assess(AssessmentTimepoint.FollowUp, 8);

        Assert.Null(Assert.Single(JourneyOutcomes.Compute(baselineOnly.State.Assessments, _ => TestPhq9.Instance)).Comparison);
        var orphan = Assert.Single(JourneyOutcomes.Compute(followUpOnly.State.Assessments, _ => TestPhq9.Instance));
        Assert.Null(orphan.Baseline);
        Assert.Null(orphan.Latest);
    }

    [Fact]
    public void A_digest_keeps_scores_timepoints_and_times_but_not_responses()
    {
        var journey = JourneyBuilder.InStatus(JourneyStatus.Engaged)
            .Assess(AssessmentTimepoint.Baseline, 16, selfHarm: true)
            .At(Fixed.Now.AddDays(30)).Assess(AssessmentTimepoint.Discharge, 9);

        var digest = AssessmentDigest.Write(journey.State.Assessments)!;
        var read = AssessmentDigest.Read(digest);

        Assert.DoesNotContain("responses", digest, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("self-harm", digest, StringComparison.Ordinal);
        Assert.Equal(
            journey.State.Assessments.Select(a => (a.Id, a.Instrument, a.Timepoint, a.RecordedAt, a.Scores[0])),
            read.Select(a => (a.Id, a.Instrument, a.Timepoint, a.RecordedAt, a.Scores[0])));
        Assert.Null(AssessmentDigest.Write([]));
    }

    [Fact]
    public void A_program_report_counts_people_with_a_re_measure_in_the_period_and_averages_their_change()
    {
        var start = Fixed.Now;
        ImmutableArray<RecordedAssessment> Person(int baseline, int followUp, int days) =>
            [.. JourneyBuilder.InStatus(JourneyStatus.Engaged)
                .Assess(AssessmentTimepoint.Baseline, baseline)
                .At(start.AddDays(days)).Assess(AssessmentTimepoint.FollowUp, followUp)
                .State.Assessments];

        var journeys = new List<ImmutableArray<RecordedAssessment>>
        {
            Person(20, 10, 30), // improved by 10
            Person(10, 8, 30),  // -2: no meaningful change
            Person(5, 12, 30),  // deteriorated by 7
            Person(15, 5, 400), // re-measured after the period: baseline only
            JourneyBuilder.InStatus(JourneyStatus.Engaged).Assess(AssessmentTimepoint.Baseline, 9).State.Assessments.ToImmutableArray(),
            ImmutableArray<RecordedAssessment>.Empty,
        };

        var report = ProgramOutcomes.Compute("on", journeys, [TestPhq9.Instance], null, start.AddDays(100), (null, new DateOnly(2026, 5, 15)), start);

        var phq9 = Assert.Single(report.Instruments);
        Assert.Equal((3, 2), (phq9.People, phq9.WithBaselineOnly));
        var total = Assert.Single(phq9.Scores);
        Assert.Equal((3, 11.67m, 10m, -1.67m), (total.People, total.MeanBaseline, total.MeanFollowUp, total.MeanChange));
        Assert.Equal((1, 1, 0.3333m), (total.Improved, total.Deteriorated, total.ShareImproved));
        Assert.False(total.HigherIsBetter);
        Assert.Equal(5, report.JourneysWithAssessments);
    }

    [Fact]
    public void A_re_measure_before_the_period_does_not_count()
    {
        var journey = JourneyBuilder.InStatus(JourneyStatus.Engaged)
            .Assess(AssessmentTimepoint.Baseline, 20)
            .At(Fixed.Now.AddDays(10)).Assess(AssessmentTimepoint.FollowUp, 10);

        var journeys = new List<ImmutableArray<RecordedAssessment>> { journey.State.Assessments.ToImmutableArray() };
        var report = ProgramOutcomes.Compute(
            "on", journeys, [TestPhq9.Instance], Fixed.Now.AddDays(20), Fixed.Now.AddDays(40), (null, new DateOnly(2026, 3, 16)), Fixed.Now);

        var phq9 = Assert.Single(report.Instruments);
        Assert.Equal((0, 1), (phq9.People, phq9.WithBaselineOnly));
        Assert.Equal((0, 0m), (phq9.Scores[0].People, phq9.Scores[0].ShareImproved));
    }

    /// <summary>A PHQ-9 total with the published rule (a change of 5 or more, lower is better), enough for the domain's tests.</summary>
    private sealed class TestPhq9 : IAssessmentInstrument
    {
        public static readonly TestPhq9 Instance = new();

        private static readonly ScoreDefinition Total = new()
        {
            Name = "total",
            Minimum = 0,
            Maximum = 27,
            Polarity = ScorePolarity.LowerIsBetter,
            MeaningfulChange = 5,
            Bands = [],
        };

        public string Id => "phq9";

        public string Version => "1.0";

        public string Title => "PHQ-9";

        public IReadOnlyList<AssessmentItem> Items => [];

        public IReadOnlyList<ScoreDefinition> ScoreDefinitions => [Total];

        public InstrumentLicence Licence => new() { ItemTextUse = ItemTextUse.FreeToShow, Notice = "test", ItemTextIncluded = false };

        public AssessmentResult Score(IReadOnlyList<int> responses) => throw new NotSupportedException();

        public AssessmentComparison CompareChange(AssessmentResult baseline, AssessmentResult latest) => new()
        {
            Instrument = Id,
            Changes = new Dictionary<string, ScoreChange> { ["total"] = Total.Compare(baseline.Scores["total"], latest.Scores["total"]) },
        };
    }
}
