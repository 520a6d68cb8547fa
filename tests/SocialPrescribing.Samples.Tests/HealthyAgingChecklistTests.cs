using SocialPrescribing.Abstractions.Assessments;
using SocialPrescribing.Samples.Tests.Support;

namespace SocialPrescribing.Samples.Tests;

/// <summary>The Healthy Aging Checklist sample's scoring and meaningful-change rule, called through the invoker.</summary>
public sealed class HealthyAgingChecklistTests : IDisposable
{
    private readonly SamplePlugins _plugins = new SamplePlugins().Add(SamplePlugins.HealthyAgingChecklist);
    private readonly PluginHarness _harness;

    public HealthyAgingChecklistTests() => _harness = new PluginHarness(_plugins, new Dictionary<string, string?>
    {
        ["Tenants:ab:Plugins:healthy-aging-checklist:Enabled"] = "true",
    });

    public void Dispose()
    {
        _harness.Dispose();
        _plugins.Dispose();
    }

    private Task<T> CallAsync<T>(string operation, Func<IAssessmentInstrument, T> call) =>
        _harness.Invoker.InvokeAsync(
            _harness.Catalog.Find<IAssessmentInstrument>(TestTenants.Ab, "healthy-aging")!, operation, call, cancellationToken: TestContext.Current.CancellationToken);

    private Task<AssessmentResult> ScoreAsync(params int[] responses) => CallAsync("score", i => i.Score(responses));

    [Fact]
    public async Task No_need_anywhere_scores_zero_in_the_low_band_without_flags()
    {
        var result = await ScoreAsync(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

        Assert.Equal(("healthy-aging", "1.0"), (result.Instrument, result.Version));
        Assert.Equal(new Dictionary<string, decimal> { ["total"] = 0, ["social"] = 0, ["active"] = 0, ["mood"] = 0 }, result.Scores);
        Assert.Equal(new Dictionary<string, string> { ["total"] = "low" }, result.Bands);
        Assert.Empty(result.Flags);
    }

    [Fact]
    public async Task Subscales_add_up_to_the_total_and_its_band_and_falls_food_and_transport_raise_flags()
    {
        // social 2+2+1, active 1+0+1+1 (a fall, skipped meals), mood 1+0+2; would like help with transport.
        var result = await ScoreAsync(2, 2, 1, 1, 0, 1, 1, 1, 0, 2, 1);

        Assert.Equal(new Dictionary<string, decimal> { ["total"] = 11, ["social"] = 5, ["active"] = 3, ["mood"] = 3 }, result.Scores);
        Assert.Equal("high", result.Bands["total"]);
        Assert.Equal(["falls-risk", "food-insecurity", "transport-barrier"], result.Flags);
    }

    [Theory]
    [InlineData(4, "low")]
    [InlineData(5, "moderate")]
    [InlineData(9, "moderate")]
    [InlineData(10, "high")]
    [InlineData(20, "high")]
    public async Task The_total_is_banded_by_need(int total, string band)
    {
        var responses = Enumerable.Range(0, 10).Select(i => Math.Clamp(total - (2 * i), 0, 2)).ToArray();

        var result = await ScoreAsync(responses);

        Assert.Equal((total, band), ((int)result.Scores["total"], result.Bands["total"]));
    }

    [Fact]
    public async Task A_fall_of_three_in_the_total_is_a_meaningful_improvement_and_of_one_in_social_is_not()
    {
        var baseline = await ScoreAsync(2, 2, 1, 1, 0, 1, 1, 1, 0, 2);
        var latest = await ScoreAsync(2, 1, 1, 0, 0, 0, 1, 1, 0, 2);

        var comparison = await CallAsync("compare", i => i.CompareChange(baseline, latest));

        Assert.Equal(["social", "total"], comparison.Changes.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(new ScoreChange(11, 8, -3, ChangeDirection.MeaningfulImprovement), comparison.Changes["total"]);
        Assert.Equal(new ScoreChange(5, 4, -1, ChangeDirection.NoMeaningfulChange), comparison.Changes["social"]);
    }

    [Fact]
    public async Task A_rise_of_three_in_the_total_is_a_meaningful_deterioration()
    {
        var baseline = await ScoreAsync(1, 0, 0, 1, 0, 0, 0, 0, 0, 0);
        var latest = await ScoreAsync(2, 1, 0, 1, 1, 0, 0, 0, 0, 0);

        var comparison = await CallAsync("compare", i => i.CompareChange(baseline, latest));

        Assert.Equal(ChangeDirection.MeaningfulDeterioration, comparison.Changes["total"].Direction);
        Assert.Equal(ChangeDirection.MeaningfulDeterioration, comparison.Changes["social"].Direction);
    }

    [Fact]
    public async Task It_describes_its_items_scores_and_licence()
    {
        var (items, definitions, licence) = await CallAsync("describe", i => (i.Items, i.ScoreDefinitions, i.Licence));

        Assert.Equal(11, items.Count);
        Assert.True(items[^1].Optional);
        Assert.All(items, i => Assert.False(string.IsNullOrWhiteSpace(i.Text)));
        Assert.Equal(["total", "social", "active", "mood"], definitions.Select(d => d.Name));
        Assert.All(definitions, d => Assert.Equal(ScorePolarity.LowerIsBetter, d.Polarity));
        Assert.Equal((20m, 3m), (definitions[0].Maximum, definitions[0].MeaningfulChange!.Value));
        Assert.Equal((ItemTextUse.FreeToShow, true), (licence.ItemTextUse, licence.ItemTextIncluded));
    }
}
