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

    [Fact]
    public void Outcome_measures_read_back_exactly_and_pick_the_same_latest_re_measure_as_the_journeys_outcomes()
    {
        const string Odd = "a=b;c%d\te\nf";
        RecordedAssessment A(string instrument, AssessmentTimepoint timepoint, int day, params (string Name, decimal Value)[] scores) =>
            new(Guid.NewGuid(), instrument, "1.0", timepoint, [], [.. scores.Select(s => new AssessmentScore(s.Name, s.Value, "band"))], [], Fixed.Now.AddDays(day), "lw-1");
        ImmutableArray<RecordedAssessment>[] journeys =
        [
            // A follow-up before the baseline, a second baseline later, scores with trailing zeros.
            [
                A("phq9", AssessmentTimepoint.FollowUp, -5, ("total", 3)), A("phq9", AssessmentTimepoint.Baseline, 0, ("total", 20)),
                A("phq9", AssessmentTimepoint.FollowUp, 30, ("total", 14.50m)), A("phq9", AssessmentTimepoint.Baseline, 40, ("total", 2)),
                A("phq9", AssessmentTimepoint.Discharge, 60, ("total", 9.10m)), A("swemwbs", AssessmentTimepoint.Baseline, 1, ("metric", 17.98m), ("raw", 19)),
            ],
            [A(Odd, AssessmentTimepoint.Baseline, 1, (Odd, -1.25m)), A(Odd, AssessmentTimepoint.FollowUp, 20, (Odd, 0.000m), ("empty", 0))],
            [A("phq9", AssessmentTimepoint.FollowUp, 3, ("total", 7))],
            // Two re-measures at the same instant: the one recorded last is the latest.
            [A("phq9", AssessmentTimepoint.Baseline, 2, ("total", 12)), A("phq9", AssessmentTimepoint.FollowUp, 2, ("total", 6)), A("phq9", AssessmentTimepoint.FollowUp, 2, ("total", 8))],
        ];

        foreach (var journey in journeys)
        {
            var read = OutcomeMeasures.Read(OutcomeMeasures.Write(journey)!);
            Assert.Equal(Describe(OutcomeMeasures.Of(journey)), Describe(read));
            foreach (var until in new DateTimeOffset?[] { null, Fixed.Now.AddDays(1), Fixed.Now.AddDays(2), Fixed.Now.AddDays(35), Fixed.Now.AddDays(100) })
            {
                var expected = JourneyOutcomes.Compute(journey, _ => null, until).Select(o => (o.Instrument, o.Baseline?.RecordedAt, o.Latest?.RecordedAt, o.Latest?.Scores.Sum(s => s.Value)));
                var actual = read.Select(r => (r.Instrument, r.Baseline?.At, r.LatestUntil(until)?.At, r.LatestUntil(until)?.Scores.Sum(s => s.Value)));
                Assert.Equal(expected, actual);
            }
        }

        // The tally reading the text in place and the one given the series agree, for every period.
        var instruments = new IAssessmentInstrument[] { TestPhq9.Instance, new OddInstrument(Odd) };
        foreach (var (from, to) in new (DateTimeOffset?, DateTimeOffset)[] { (null, Fixed.Now.AddDays(100)), (Fixed.Now.AddDays(25), Fixed.Now.AddDays(35)), (null, Fixed.Now.AddDays(2)), (Fixed.Now.AddDays(61), Fixed.Now.AddDays(90)) })
        {
            var fromText = new OutcomeTally(instruments, from, to);
            var fromSeries = new OutcomeTally(instruments, from, to);
            foreach (var journey in journeys)
            {
                fromText.AddText(OutcomeMeasures.Write(journey)!);
                fromSeries.Add(OutcomeMeasures.Of(journey));
            }

            Assert.Equal(Json(fromSeries.Report("on", 4, new Dictionary<string, int>(), new HashSet<string>(), (null, new DateOnly(2026, 5, 15)), Fixed.Now)), Json(fromText.Report("on", 4, new Dictionary<string, int>(), new HashSet<string>(), (null, new DateOnly(2026, 5, 15)), Fixed.Now)));
        }

        var wholeTime = new OutcomeTally(instruments, null, Fixed.Now.AddDays(100));
        foreach (var journey in journeys)
        {
            wholeTime.AddText(OutcomeMeasures.Write(journey)!);
        }

        var report = wholeTime.Report("on", 4, new Dictionary<string, int>(), new HashSet<string>(), (null, new DateOnly(2026, 5, 15)), Fixed.Now);
        Assert.Equal(["phq9", Odd, "swemwbs"], report.Instruments.Select(i => i.Instrument));
        // The first journey's 20 against 9.10 at discharge; the last's 12 against the 8 recorded last at the same instant.
        Assert.Equal((2, 16m, -7.45m), (report.Instruments[0].People, report.Instruments[0].Scores[0].MeanBaseline, report.Instruments[0].Scores[0].MeanChange));
        Assert.Equal((1, -1.25m, 0m, 1.25m), (report.Instruments[1].People, report.Instruments[1].Scores[0].MeanBaseline, report.Instruments[1].Scores[0].MeanFollowUp, report.Instruments[1].Scores[0].MeanChange));

        Assert.Null(OutcomeMeasures.Write([]));
        Assert.Empty(OutcomeMeasures.Read(string.Empty));
        Assert.Throws<FormatException>(() => OutcomeMeasures.Read("phq9\t1"));

        static string Describe(ImmutableArray<OutcomeMeasures.Series> series) => string.Join(
            " | ",
            series.Select(s => $"{s.Instrument}: {Measure(s.Baseline)} -> {string.Join(", ", s.Remeasures.Select(Measure))}"));

        static string Measure(OutcomeMeasures.Measure? m) => m is null
            ? "none"
            : $"{m.At.UtcTicks} [{string.Join(";", m.Scores.Select(x => $"{x.Name}={x.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}"))}]";
    }

    private static string Json(ProgramOutcomeReport report) => System.Text.Json.JsonSerializer.Serialize(report);

    /// <summary>An instrument whose id and score name need escaping in the outcome measures' text.</summary>
    private sealed class OddInstrument(string id) : IAssessmentInstrument
    {
        private readonly ScoreDefinition _score = new()
        {
            Name = id,
            Minimum = -10,
            Maximum = 10,
            Polarity = ScorePolarity.HigherIsBetter,
            MeaningfulChange = 1,
            Bands = [],
        };

        public string Id => id;

        public string Version => "1.0";

        public string Title => "Odd";

        public IReadOnlyList<AssessmentItem> Items => [];

        public IReadOnlyList<ScoreDefinition> ScoreDefinitions => [_score];

        public InstrumentLicence Licence => new() { ItemTextUse = ItemTextUse.FreeToShow, Notice = "test", ItemTextIncluded = false };

        public AssessmentResult Score(IReadOnlyList<int> responses) => throw new NotSupportedException();

        public AssessmentComparison CompareChange(AssessmentResult baseline, AssessmentResult latest) => throw new NotSupportedException();
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
