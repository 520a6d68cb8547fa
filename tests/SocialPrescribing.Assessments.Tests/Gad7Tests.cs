using SocialPrescribing.Abstractions.Assessments;
using SocialPrescribing.Assessments.Tests.Support;

namespace SocialPrescribing.Assessments.Tests;

public sealed class Gad7Tests
{
    private readonly Gad7Instrument _gad7 = BuiltInInstruments.Gad7;

    [Theory]
    [InlineData(0, "minimal")]
    [InlineData(4, "minimal")]
    [InlineData(5, "mild")]
    [InlineData(9, "mild")]
    [InlineData(10, "moderate")]
    [InlineData(14, "moderate")]
    [InlineData(15, "severe")]
    [InlineData(21, "severe")]
    public void The_total_is_the_sum_of_the_seven_answers_and_falls_in_its_severity_band(int total, string band)
    {
        var result = _gad7.Score(Answers.Gad7(total));

        Assert.Equal("gad7", result.Instrument);
        Assert.Equal(total, result.Scores["total"]);
        Assert.Equal(band, result.Bands["total"]);
        Assert.Empty(result.Flags);
    }

    [Theory]
    [InlineData(12, 8, ChangeDirection.MeaningfulImprovement)]
    [InlineData(12, 9, ChangeDirection.NoMeaningfulChange)]
    [InlineData(12, 15, ChangeDirection.NoMeaningfulChange)]
    [InlineData(12, 16, ChangeDirection.MeaningfulDeterioration)]
    public void A_fall_of_4_points_or_more_is_an_improvement_and_a_rise_of_4_or_more_a_deterioration(
        int baseline, int latest, ChangeDirection expected)
    {
        var comparison = _gad7.CompareChange(_gad7.Score(Answers.Gad7(baseline)), _gad7.Score(Answers.Gad7(latest)));

        Assert.Equal(latest - baseline, comparison.Changes["total"].Change);
        Assert.Equal(expected, comparison.Changes["total"].Direction);
    }
}
