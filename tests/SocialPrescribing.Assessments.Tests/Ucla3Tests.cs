using SocialPrescribing.Abstractions.Assessments;
using SocialPrescribing.Assessments.Tests.Support;

namespace SocialPrescribing.Assessments.Tests;

public sealed class Ucla3Tests
{
    private readonly Ucla3Instrument _ucla3 = BuiltInInstruments.Ucla3;

    [Theory]
    [InlineData(3, "not-lonely")]
    [InlineData(5, "not-lonely")]
    [InlineData(6, "lonely")]
    [InlineData(9, "lonely")]
    public void The_total_of_the_three_items_is_banded_lonely_from_6(int total, string band)
    {
        var result = _ucla3.Score(Answers.Ucla3(total));

        Assert.Equal(total, result.Scores["total"]);
        Assert.Equal(band, result.Bands["total"]);
    }

    [Fact]
    public void Three_responses_score_the_scale_without_the_direct_question()
    {
        var result = _ucla3.Score([1, 2, 3]);

        Assert.Equal(["total"], result.Scores.Keys);
        Assert.Equal(["total"], result.Bands.Keys);
    }

    [Theory]
    [InlineData(1, "never")]
    [InlineData(2, "hardly-ever")]
    [InlineData(3, "occasionally")]
    [InlineData(4, "some-of-the-time")]
    [InlineData(5, "often-always")]
    public void The_direct_question_is_reported_alongside_and_never_added_to_the_total(int answer, string band)
    {
        var result = _ucla3.Score([1, 1, 1, answer]);

        Assert.Equal(3, result.Scores["total"]);
        Assert.Equal("not-lonely", result.Bands["total"]);
        Assert.Equal(answer, result.Scores["direct"]);
        Assert.Equal(band, result.Bands["direct"]);
    }

    [Fact]
    public void The_direct_question_is_the_optional_fourth_item_and_the_scale_items_are_required()
    {
        Assert.Equal([false, false, false, true], _ucla3.Items.Select(i => i.Optional));
        Assert.Equal("How often do you feel lonely?", _ucla3.Items[3].Text);
        Assert.Equal(
            ["Never", "Hardly ever", "Occasionally", "Some of the time", "Often or always"],
            _ucla3.Items[3].ResponseOptions.Select(o => o.Label));
    }

    [Theory]
    [InlineData(7, 5, ChangeDirection.MeaningfulImprovement)]
    [InlineData(7, 6, ChangeDirection.NoMeaningfulChange)]
    [InlineData(6, 5, ChangeDirection.NoMeaningfulChange)]
    [InlineData(7, 8, ChangeDirection.NoMeaningfulChange)]
    [InlineData(7, 9, ChangeDirection.MeaningfulDeterioration)]
    public void The_total_falling_2_points_or_more_is_an_improvement_because_lower_is_less_lonely(
        int baseline, int latest, ChangeDirection expected)
    {
        var comparison = _ucla3.CompareChange(_ucla3.Score(Answers.Ucla3(baseline)), _ucla3.Score(Answers.Ucla3(latest)));

        Assert.Equal(latest - baseline, comparison.Changes["total"].Change);
        Assert.Equal(expected, comparison.Changes["total"].Direction);
    }

    [Theory]
    [InlineData(5, 3, ChangeDirection.MeaningfulImprovement)]
    [InlineData(5, 4, ChangeDirection.NoMeaningfulChange)]
    [InlineData(2, 4, ChangeDirection.MeaningfulDeterioration)]
    public void The_direct_answer_moving_2_categories_or_more_is_meaningful(int baseline, int latest, ChangeDirection expected)
    {
        var comparison = _ucla3.CompareChange(_ucla3.Score([2, 2, 2, baseline]), _ucla3.Score([2, 2, 2, latest]));

        Assert.Equal(expected, comparison.Changes["direct"].Direction);
        Assert.Equal(ChangeDirection.NoMeaningfulChange, comparison.Changes["total"].Direction);
    }

    [Fact]
    public void The_direct_question_is_compared_only_when_both_results_answered_it()
    {
        var comparison = _ucla3.CompareChange(_ucla3.Score([3, 3, 3]), _ucla3.Score([1, 1, 1, 1]));

        var change = Assert.Single(comparison.Changes);
        Assert.Equal("total", change.Key);
        Assert.Equal(ChangeDirection.MeaningfulImprovement, change.Value.Direction);
    }
}
