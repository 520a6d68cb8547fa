using System.Globalization;
using System.Reflection;
using SocialPrescribing.Abstractions.Assessments;

namespace SocialPrescribing.Assessments.Tests;

public sealed class CatalogueTests
{
    public static TheoryData<string> Ids => ["ons4", "ucla3", "swemwbs", "phq9", "gad7"];

    [Fact]
    public void The_catalogue_lists_the_five_built_in_instruments_in_order()
    {
        Assert.Equal(["ons4", "ucla3", "swemwbs", "phq9", "gad7"], BuiltInInstruments.All.Select(i => i.Id));
        Assert.All(BuiltInInstruments.All, i => Assert.Equal("1.0", i.Version));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Each_instrument_is_found_by_its_id(string id)
    {
        Assert.True(BuiltInInstruments.TryGet(id, out var instrument));
        Assert.Equal(id, instrument.Id);
    }

    [Fact]
    public void An_unknown_id_is_not_found()
    {
        Assert.False(BuiltInInstruments.TryGet("wemwbs", out var instrument));
        Assert.Null(instrument);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void The_catalogue_attribute_on_each_type_agrees_with_the_instrument(string id)
    {
        Assert.True(BuiltInInstruments.TryGet(id, out var instrument));

        var attribute = instrument.GetType().GetCustomAttribute<AssessmentInstrumentAttribute>();

        Assert.NotNull(attribute);
        Assert.Equal((instrument.Id, instrument.Version, instrument.Title), (attribute.Id, attribute.Version, attribute.Title));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Item_keys_are_unique_and_each_range_matches_its_answers(string id)
    {
        Assert.True(BuiltInInstruments.TryGet(id, out var instrument));

        Assert.Equal(instrument.Items.Count, instrument.Items.Select(i => i.Key).Distinct().Count());
        Assert.All(instrument.Items, item =>
        {
            Assert.Equal(
                Enumerable.Range(item.Minimum, item.Maximum - item.Minimum + 1),
                item.ResponseOptions.Select(o => o.Value));
            Assert.All(item.ResponseOptions, o => Assert.False(string.IsNullOrWhiteSpace(o.Label)));
        });
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Bands_cover_every_whole_score_in_range_without_overlap(string id)
    {
        Assert.True(BuiltInInstruments.TryGet(id, out var instrument));

        foreach (var definition in instrument.ScoreDefinitions.Where(d => d.Bands.Count > 0))
        {
            for (var score = definition.Minimum; score <= definition.Maximum; score++)
            {
                Assert.Single(definition.Bands, b => b.Contains(score));
            }
        }
    }

    [Theory]
    [InlineData("ons4", new[] { "lifeSatisfaction:HigherIsBetter:2", "worthwhile:HigherIsBetter:2", "happiness:HigherIsBetter:2", "anxiety:LowerIsBetter:2" })]
    [InlineData("ucla3", new[] { "total:LowerIsBetter:2", "direct:LowerIsBetter:2" })]
    [InlineData("swemwbs", new[] { "raw:HigherIsBetter:none", "metric:HigherIsBetter:3" })]
    [InlineData("phq9", new[] { "total:LowerIsBetter:5" })]
    [InlineData("gad7", new[] { "total:LowerIsBetter:4" })]
    public void Each_score_declares_which_way_is_better_and_its_meaningful_change(string id, string[] expected)
    {
        Assert.True(BuiltInInstruments.TryGet(id, out var instrument));

        Assert.Equal(
            expected,
            instrument.ScoreDefinitions.Select(d => $"{d.Name}:{d.Polarity}:{d.MeaningfulChange?.ToString(CultureInfo.InvariantCulture) ?? "none"}"));
    }

    [Theory]
    [InlineData("ons4")]
    [InlineData("ucla3")]
    [InlineData("phq9")]
    [InlineData("gad7")]
    public void Free_instruments_ship_wording_for_every_item_and_cite_their_source(string id)
    {
        Assert.True(BuiltInInstruments.TryGet(id, out var instrument));

        Assert.Equal(ItemTextUse.FreeToShow, instrument.Licence.ItemTextUse);
        Assert.True(instrument.Licence.ItemTextIncluded);
        Assert.All(instrument.Items, item => Assert.False(string.IsNullOrWhiteSpace(item.Text)));
        Assert.False(string.IsNullOrWhiteSpace(instrument.Licence.Notice));
    }

    [Fact]
    public void Free_instruments_accept_tenant_wording_one_text_per_item()
    {
        Assert.Equal(["a", "b", "c", "d"], BuiltInInstruments.Ons4.WithItemTexts(["a", "b", "c", "d"]).Items.Select(i => i.Text));
        Assert.Equal(["a", "b", "c", "d"], BuiltInInstruments.Ucla3.WithItemTexts(["a", "b", "c", "d"]).Items.Select(i => i.Text));
        Assert.Equal(9, BuiltInInstruments.Phq9.WithItemTexts([.. Enumerable.Repeat("x", 9)]).Items.Count(i => i.Text == "x"));
        Assert.Equal(7, BuiltInInstruments.Gad7.WithItemTexts([.. Enumerable.Repeat("x", 7)]).Items.Count(i => i.Text == "x"));
        Assert.Throws<ArgumentException>(() => BuiltInInstruments.Phq9.WithItemTexts([.. Enumerable.Repeat("x", 8)]));
        Assert.Throws<ArgumentException>(() => BuiltInInstruments.Ucla3.WithItemTexts(["a", "b", "c"]));
    }

    [Fact]
    public void Comparing_results_of_another_instrument_is_refused()
    {
        var gad7 = BuiltInInstruments.Gad7.Score([0, 0, 0, 0, 0, 0, 0]);
        var phq9 = BuiltInInstruments.Phq9.Score([0, 0, 0, 0, 0, 0, 0, 0, 0]);

        Assert.Equal("baseline", Assert.Throws<ArgumentException>(() => BuiltInInstruments.Phq9.CompareChange(gad7, phq9)).ParamName);
        Assert.Equal("latest", Assert.Throws<ArgumentException>(() => BuiltInInstruments.Phq9.CompareChange(phq9, gad7)).ParamName);
    }
}
