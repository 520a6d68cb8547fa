using System.Globalization;
using SocialPrescribing.Abstractions.Assessments;
using SocialPrescribing.Assessments.Tests.Support;

namespace SocialPrescribing.Assessments.Tests;

public sealed class SwemwbsTests
{
    private static readonly string[] TenantTexts = [.. Enumerable.Range(1, 7).Select(n => $"Tenant wording {n}")];

    private readonly SwemwbsInstrument _swemwbs = BuiltInInstruments.Swemwbs;

    /// <summary>The raw-to-metric table, typed from the domain primer.</summary>
    public static TheoryData<int, string> ConversionTable => new()
    {
        { 7, "7.00" }, { 8, "9.51" }, { 9, "11.25" }, { 10, "12.40" }, { 11, "13.33" }, { 12, "14.08" },
        { 13, "14.75" }, { 14, "15.32" }, { 15, "15.84" }, { 16, "16.36" }, { 17, "16.88" }, { 18, "17.43" },
        { 19, "17.98" }, { 20, "18.59" }, { 21, "19.25" }, { 22, "19.98" }, { 23, "20.73" }, { 24, "21.54" },
        { 25, "22.35" }, { 26, "23.21" }, { 27, "24.11" }, { 28, "25.03" }, { 29, "26.02" }, { 30, "27.03" },
        { 31, "28.13" }, { 32, "29.31" }, { 33, "30.70" }, { 34, "32.55" }, { 35, "35.00" },
    };

    [Fact]
    public void The_conversion_table_has_an_entry_for_every_raw_score_from_7_to_35()
    {
        Assert.Equal(Enumerable.Range(7, 29), ConversionTable.Select(row => row.Data.Item1));
    }

    [Theory]
    [MemberData(nameof(ConversionTable))]
    public void The_raw_score_converts_to_the_exact_metric_score_to_two_places(int raw, string metric)
    {
        var result = _swemwbs.Score(Answers.Swemwbs(raw));

        Assert.Equal(raw, result.Scores["raw"]);
        Assert.Equal(decimal.Parse(metric, CultureInfo.InvariantCulture), result.Scores["metric"]);
        Assert.Equal(metric, result.Scores["metric"].ToString(CultureInfo.InvariantCulture));
        Assert.Equal(metric, SwemwbsInstrument.ToMetric(raw).ToString(CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(6)]
    [InlineData(36)]
    public void A_raw_score_outside_7_to_35_has_no_metric_score(int raw)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SwemwbsInstrument.ToMetric(raw));
    }

    [Fact]
    public void Neither_score_is_banded()
    {
        Assert.Empty(_swemwbs.Score(Answers.Swemwbs(21)).Bands);
    }

    [Theory]
    [InlineData(20, 25, "3.76", ChangeDirection.MeaningfulImprovement)]
    [InlineData(20, 24, "2.95", ChangeDirection.NoMeaningfulChange)]
    [InlineData(25, 20, "-3.76", ChangeDirection.MeaningfulDeterioration)]
    [InlineData(34, 33, "-1.85", ChangeDirection.NoMeaningfulChange)]
    [InlineData(8, 7, "-2.51", ChangeDirection.NoMeaningfulChange)]
    public void A_metric_change_of_3_points_or_more_is_meaningful_and_higher_is_better(
        int baselineRaw, int latestRaw, string change, ChangeDirection expected)
    {
        var comparison = _swemwbs.CompareChange(
            _swemwbs.Score(Answers.Swemwbs(baselineRaw)), _swemwbs.Score(Answers.Swemwbs(latestRaw)));

        Assert.Equal(decimal.Parse(change, CultureInfo.InvariantCulture), comparison.Changes["metric"].Change);
        Assert.Equal(expected, comparison.Changes["metric"].Direction);
    }

    [Theory]
    [InlineData("20.00", "23.00", ChangeDirection.MeaningfulImprovement)]
    [InlineData("20.00", "22.99", ChangeDirection.NoMeaningfulChange)]
    [InlineData("20.00", "17.00", ChangeDirection.MeaningfulDeterioration)]
    [InlineData("20.00", "17.01", ChangeDirection.NoMeaningfulChange)]
    public void A_metric_change_of_exactly_3_points_counts_and_anything_less_does_not(
        string baseline, string latest, ChangeDirection expected)
    {
        var metric = _swemwbs.ScoreDefinitions.Single(d => d.Name == "metric");

        var change = metric.Compare(
            decimal.Parse(baseline, CultureInfo.InvariantCulture), decimal.Parse(latest, CultureInfo.InvariantCulture));

        Assert.Equal(expected, change.Direction);
    }

    [Fact]
    public void The_raw_score_is_left_out_of_comparisons_because_change_is_judged_on_the_metric()
    {
        var comparison = _swemwbs.CompareChange(_swemwbs.Score(Answers.Swemwbs(7)), _swemwbs.Score(Answers.Swemwbs(35)));

        Assert.Equal(["metric"], comparison.Changes.Keys);
    }

    [Fact]
    public void By_default_no_item_carries_wording_and_the_licence_says_tenants_supply_it()
    {
        Assert.Equal(
            ["item1", "item2", "item3", "item4", "item5", "item6", "item7"], _swemwbs.Items.Select(i => i.Key));
        Assert.All(_swemwbs.Items, item => Assert.Null(item.Text));
        Assert.All(_swemwbs.Items, item => Assert.Equal(["1", "2", "3", "4", "5"], item.ResponseOptions.Select(o => o.Label)));
        Assert.False(_swemwbs.Licence.ItemTextIncluded);
        Assert.Equal(ItemTextUse.TenantLicenceRequired, _swemwbs.Licence.ItemTextUse);
        Assert.Contains("Warwick", _swemwbs.Licence.Notice, StringComparison.Ordinal);
    }

    [Fact]
    public void Tenant_supplied_wording_is_shown_and_scoring_is_unchanged()
    {
        var licensed = _swemwbs.WithItemTexts(TenantTexts);

        Assert.Equal(TenantTexts, licensed.Items.Select(i => i.Text));
        Assert.Equal(_swemwbs.Items.Select(i => i.Key), licensed.Items.Select(i => i.Key));
        Assert.True(licensed.Licence.ItemTextIncluded);
        Assert.Equal(ItemTextUse.TenantLicenceRequired, licensed.Licence.ItemTextUse);
        Assert.Equal(_swemwbs.Score(Answers.Swemwbs(23)).Scores, licensed.Score(Answers.Swemwbs(23)).Scores);
        Assert.All(_swemwbs.Items, item => Assert.Null(item.Text));
    }

    [Fact]
    public void Tenant_supplied_answer_labels_replace_the_numbers_but_not_the_values()
    {
        string[] labels = ["L1", "L2", "L3", "L4", "L5"];

        var licensed = _swemwbs.WithItemTexts(TenantTexts, labels);

        Assert.All(licensed.Items, item => Assert.Equal(labels, item.ResponseOptions.Select(o => o.Label)));
        Assert.All(licensed.Items, item => Assert.Equal([1, 2, 3, 4, 5], item.ResponseOptions.Select(o => o.Value)));
    }

    [Theory]
    [InlineData(6)]
    [InlineData(8)]
    public void Tenant_wording_must_have_exactly_seven_texts(int count)
    {
        string[] texts = [.. Enumerable.Repeat("Some wording", count)];

        var error = Assert.Throws<ArgumentException>(() => _swemwbs.WithItemTexts(texts));
        Assert.Equal("texts", error.ParamName);
    }

    [Fact]
    public void Tenant_wording_cannot_leave_an_item_blank()
    {
        string[] texts = [.. TenantTexts];
        texts[4] = " ";

        Assert.Throws<ArgumentException>(() => _swemwbs.WithItemTexts(texts));
    }

    [Fact]
    public void Tenant_answer_labels_must_be_five()
    {
        var error = Assert.Throws<ArgumentException>(() => _swemwbs.WithItemTexts(TenantTexts, ["a", "b", "c", "d"]));
        Assert.Equal("responseLabels", error.ParamName);
    }
}
