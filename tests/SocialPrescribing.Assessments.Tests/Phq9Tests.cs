using SocialPrescribing.Abstractions.Assessments;
using SocialPrescribing.Assessments.Tests.Support;

namespace SocialPrescribing.Assessments.Tests;

public sealed class Phq9Tests
{
    private readonly Phq9Instrument _phq9 = BuiltInInstruments.Phq9;

    [Theory]
    [InlineData(0, "none")]
    [InlineData(4, "none")]
    [InlineData(5, "mild")]
    [InlineData(9, "mild")]
    [InlineData(10, "moderate")]
    [InlineData(14, "moderate")]
    [InlineData(15, "moderately-severe")]
    [InlineData(19, "moderately-severe")]
    [InlineData(20, "severe")]
    [InlineData(27, "severe")]
    public void The_total_is_the_sum_of_the_nine_answers_and_falls_in_its_severity_band(int total, string band)
    {
        var result = _phq9.Score(Answers.Phq9(total));

        Assert.Equal("phq9", result.Instrument);
        Assert.Equal("1.0", result.Version);
        Assert.Equal(total, result.Scores["total"]);
        Assert.Equal(band, result.Bands["total"]);
    }

    [Fact]
    public void Answering_1_to_the_self_harm_item_alone_raises_the_self_harm_flag_at_a_total_of_1()
    {
        var result = _phq9.Score([0, 0, 0, 0, 0, 0, 0, 0, 1]);

        Assert.Equal(1, result.Scores["total"]);
        Assert.Equal("none", result.Bands["total"]);
        Assert.Equal(["self-harm-risk"], result.Flags);
    }

    [Fact]
    public void The_highest_total_of_27_raises_the_self_harm_flag()
    {
        var result = _phq9.Score([3, 3, 3, 3, 3, 3, 3, 3, 3]);

        Assert.Equal(27, result.Scores["total"]);
        Assert.Equal([AssessmentFlags.SelfHarmRisk], result.Flags);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Any_answer_above_0_on_the_self_harm_item_raises_the_flag(int selfHarm)
    {
        var result = _phq9.Score([0, 0, 0, 0, 0, 0, 0, 0, selfHarm]);

        Assert.Contains(AssessmentFlags.SelfHarmRisk, result.Flags);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    [InlineData(20)]
    [InlineData(24)]
    public void No_flag_is_raised_when_the_self_harm_item_is_0_however_high_the_total(int total)
    {
        var answers = Answers.Phq9(total);
        Assert.Equal(0, answers[8]);

        var result = _phq9.Score(answers);

        Assert.Equal(total, result.Scores["total"]);
        Assert.Empty(result.Flags);
    }

    [Fact]
    public void The_ninth_item_is_the_self_harm_item()
    {
        Assert.Equal(Phq9Instrument.SelfHarmItem, _phq9.Items[8].Key);
        Assert.Equal(9, _phq9.Items.Count);
    }

    [Theory]
    [InlineData(15, 10, ChangeDirection.MeaningfulImprovement)]
    [InlineData(15, 11, ChangeDirection.NoMeaningfulChange)]
    [InlineData(15, 19, ChangeDirection.NoMeaningfulChange)]
    [InlineData(15, 20, ChangeDirection.MeaningfulDeterioration)]
    [InlineData(27, 0, ChangeDirection.MeaningfulImprovement)]
    [InlineData(6, 6, ChangeDirection.NoMeaningfulChange)]
    public void A_fall_of_5_points_or_more_is_an_improvement_and_a_rise_of_5_or_more_a_deterioration(
        int baseline, int latest, ChangeDirection expected)
    {
        var comparison = _phq9.CompareChange(_phq9.Score(Answers.Phq9(baseline)), _phq9.Score(Answers.Phq9(latest)));

        var change = Assert.Single(comparison.Changes);
        Assert.Equal("total", change.Key);
        Assert.Equal(latest - baseline, change.Value.Change);
        Assert.Equal(expected, change.Value.Direction);
    }
}
