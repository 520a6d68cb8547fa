using SocialPrescribing.Abstractions.Assessments;

namespace SocialPrescribing.Assessments.Tests;

public sealed class Ons4Tests
{
    private readonly Ons4Instrument _ons4 = BuiltInInstruments.Ons4;

    public static TheoryData<int, string, int, string> PositiveQuestionBands()
    {
        var data = new TheoryData<int, string, int, string>();
        (int Value, string Band)[] edges =
        [
            (0, "low"), (4, "low"), (5, "medium"), (6, "medium"), (7, "high"), (8, "high"), (9, "very-high"), (10, "very-high"),
        ];
        foreach (var (index, name) in new[] { (0, "lifeSatisfaction"), (1, "worthwhile"), (2, "happiness") })
        {
            foreach (var (value, band) in edges)
            {
                data.Add(index, name, value, band);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PositiveQuestionBands))]
    public void Satisfaction_worthwhile_and_happiness_are_each_banded_low_medium_high_or_very_high(
        int index, string name, int value, string band)
    {
        int[] responses = [5, 5, 5, 5];
        responses[index] = value;

        var result = _ons4.Score(responses);

        Assert.Equal(value, result.Scores[name]);
        Assert.Equal(band, result.Bands[name]);
    }

    [Theory]
    [InlineData(0, "very-low")]
    [InlineData(1, "very-low")]
    [InlineData(2, "low")]
    [InlineData(3, "low")]
    [InlineData(4, "medium")]
    [InlineData(5, "medium")]
    [InlineData(6, "high")]
    [InlineData(10, "high")]
    public void Anxiety_is_banded_very_low_low_medium_or_high(int value, string band)
    {
        var result = _ons4.Score([5, 5, 5, value]);

        Assert.Equal(value, result.Scores["anxiety"]);
        Assert.Equal(band, result.Bands["anxiety"]);
    }

    [Fact]
    public void Each_question_is_reported_as_its_own_score_and_never_summed()
    {
        var result = _ons4.Score([1, 2, 3, 4]);

        Assert.Equal(
            new Dictionary<string, decimal> { ["lifeSatisfaction"] = 1, ["worthwhile"] = 2, ["happiness"] = 3, ["anxiety"] = 4 },
            result.Scores);
        Assert.Equal(
            new Dictionary<string, string> { ["lifeSatisfaction"] = "low", ["worthwhile"] = "low", ["happiness"] = "low", ["anxiety"] = "medium" },
            result.Bands);
    }

    [Theory]
    [InlineData(5, 7, ChangeDirection.MeaningfulImprovement)]
    [InlineData(5, 6, ChangeDirection.NoMeaningfulChange)]
    [InlineData(5, 4, ChangeDirection.NoMeaningfulChange)]
    [InlineData(5, 3, ChangeDirection.MeaningfulDeterioration)]
    [InlineData(6, 7, ChangeDirection.NoMeaningfulChange)]
    public void Life_satisfaction_rising_2_points_or_more_is_an_improvement_and_falling_2_or_more_a_deterioration(
        int baseline, int latest, ChangeDirection expected)
    {
        var comparison = _ons4.CompareChange(_ons4.Score([baseline, 5, 5, 5]), _ons4.Score([latest, 5, 5, 5]));

        Assert.Equal(latest - baseline, comparison.Changes["lifeSatisfaction"].Change);
        Assert.Equal(expected, comparison.Changes["lifeSatisfaction"].Direction);
    }

    [Theory]
    [InlineData(6, 4, ChangeDirection.MeaningfulImprovement)]
    [InlineData(6, 5, ChangeDirection.NoMeaningfulChange)]
    [InlineData(6, 7, ChangeDirection.NoMeaningfulChange)]
    [InlineData(6, 8, ChangeDirection.MeaningfulDeterioration)]
    public void Anxiety_falling_2_points_or_more_is_an_improvement_because_lower_anxiety_is_better(
        int baseline, int latest, ChangeDirection expected)
    {
        var comparison = _ons4.CompareChange(_ons4.Score([5, 5, 5, baseline]), _ons4.Score([5, 5, 5, latest]));

        Assert.Equal(expected, comparison.Changes["anxiety"].Direction);
    }

    [Fact]
    public void Each_question_is_compared_on_its_own()
    {
        var comparison = _ons4.CompareChange(_ons4.Score([3, 5, 8, 7]), _ons4.Score([6, 5, 5, 2]));

        Assert.Equal(ChangeDirection.MeaningfulImprovement, comparison.Changes["lifeSatisfaction"].Direction);
        Assert.Equal(ChangeDirection.NoMeaningfulChange, comparison.Changes["worthwhile"].Direction);
        Assert.Equal(ChangeDirection.MeaningfulDeterioration, comparison.Changes["happiness"].Direction);
        Assert.Equal(ChangeDirection.MeaningfulImprovement, comparison.Changes["anxiety"].Direction);
    }

    [Fact]
    public void The_questions_carry_wording_free_to_show_with_the_ons_cited()
    {
        Assert.All(_ons4.Items, item => Assert.False(string.IsNullOrWhiteSpace(item.Text)));
        Assert.True(_ons4.Licence.ItemTextIncluded);
        Assert.Equal(ItemTextUse.FreeToShow, _ons4.Licence.ItemTextUse);
        Assert.Contains("Office for National Statistics", _ons4.Licence.Notice, StringComparison.Ordinal);
    }
}
