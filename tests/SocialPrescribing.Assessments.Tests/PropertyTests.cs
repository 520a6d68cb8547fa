using FsCheck.Xunit;
using SocialPrescribing.Abstractions.Assessments;
using SocialPrescribing.Assessments.Tests.Support;

namespace SocialPrescribing.Assessments.Tests;

/// <summary>What must hold for any responses to any built-in instrument.</summary>
public sealed class PropertyTests
{
    [Property(Arbitrary = [typeof(AssessmentArbitraries)], MaxTest = 500)]
    public void Every_valid_response_set_scores_within_each_declared_range(AnsweredInstrument answered)
    {
        var result = answered.Instrument.Score(answered.Responses);

        Assert.Equal(answered.Instrument.Id, result.Instrument);
        Assert.Equal(answered.Instrument.Version, result.Version);
        Assert.NotEmpty(result.Scores);
        foreach (var (name, value) in result.Scores)
        {
            var definition = Assert.Single(answered.Instrument.ScoreDefinitions, d => d.Name == name);
            Assert.InRange(value, definition.Minimum, definition.Maximum);
        }
    }

    [Property(Arbitrary = [typeof(AssessmentArbitraries)], MaxTest = 500)]
    public void Every_banded_score_gets_exactly_one_of_its_declared_band_codes(AnsweredInstrument answered)
    {
        var result = answered.Instrument.Score(answered.Responses);

        foreach (var (name, value) in result.Scores)
        {
            var bands = answered.Instrument.ScoreDefinitions.Single(d => d.Name == name).Bands;
            if (bands.Count == 0)
            {
                Assert.False(result.Bands.ContainsKey(name));
            }
            else
            {
                Assert.Contains(result.Bands[name], bands.Select(b => b.Code));
                Assert.Single(bands, b => b.Contains(value));
            }
        }

        Assert.All(result.Bands.Keys, name => Assert.True(result.Scores.ContainsKey(name)));
    }

    [Property(Arbitrary = [typeof(AssessmentArbitraries)], MaxTest = 500)]
    public void Only_the_phq9_raises_a_flag_and_only_when_its_ninth_answer_is_above_0(AnsweredInstrument answered)
    {
        var result = answered.Instrument.Score(answered.Responses);

        var expected = answered.Instrument.Id == "phq9" && answered.Responses[8] > 0
            ? [AssessmentFlags.SelfHarmRisk]
            : Array.Empty<string>();
        Assert.Equal(expected, result.Flags);
    }

    [Property(Arbitrary = [typeof(AssessmentArbitraries)], MaxTest = 500)]
    public void One_value_out_of_range_anywhere_rejects_the_whole_set_naming_that_item(InvalidAnswer invalid)
    {
        var error = Assert.Throws<AssessmentValidationException>(() => invalid.Instrument.Score(invalid.Responses));

        Assert.Equal(invalid.Instrument.Items[invalid.Index].Key, error.ItemKey);
    }

    [Property(Arbitrary = [typeof(AssessmentArbitraries)], MaxTest = 500)]
    public void Swapping_baseline_and_latest_negates_the_change_and_swaps_improvement_with_deterioration(AnsweredPair pair)
    {
        var baseline = pair.Instrument.Score(pair.Baseline);
        var latest = pair.Instrument.Score(pair.Latest);

        var forward = pair.Instrument.CompareChange(baseline, latest);
        var backward = pair.Instrument.CompareChange(latest, baseline);

        Assert.Equal(forward.Changes.Keys.Order(), backward.Changes.Keys.Order());
        foreach (var (name, change) in forward.Changes)
        {
            Assert.Equal(latest.Scores[name] - baseline.Scores[name], change.Change);
            Assert.Equal(-change.Change, backward.Changes[name].Change);
            Assert.Equal(Opposite(change.Direction), backward.Changes[name].Direction);
        }
    }

    [Property(Arbitrary = [typeof(AssessmentArbitraries)], MaxTest = 300)]
    public void A_result_compared_with_itself_shows_no_meaningful_change(AnsweredInstrument answered)
    {
        var result = answered.Instrument.Score(answered.Responses);

        var comparison = answered.Instrument.CompareChange(result, result);

        Assert.NotEmpty(comparison.Changes);
        Assert.All(comparison.Changes.Values, change =>
        {
            Assert.Equal(0, change.Change);
            Assert.Equal(ChangeDirection.NoMeaningfulChange, change.Direction);
        });
    }

    private static ChangeDirection Opposite(ChangeDirection direction) => direction switch
    {
        ChangeDirection.MeaningfulImprovement => ChangeDirection.MeaningfulDeterioration,
        ChangeDirection.MeaningfulDeterioration => ChangeDirection.MeaningfulImprovement,
        _ => ChangeDirection.NoMeaningfulChange,
    };
}
