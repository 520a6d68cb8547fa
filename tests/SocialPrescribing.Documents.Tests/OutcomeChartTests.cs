using System.Globalization;
using SocialPrescribing.Documents.Reports;
using SocialPrescribing.Domain.Outcomes;

namespace SocialPrescribing.Documents.Tests;

public sealed class OutcomeChartTests
{
    private const decimal PlotHeight = 160;

    [Fact]
    public void A_mean_at_the_maximum_fills_the_plot_height()
    {
        var panel = Panel(SampleReports.Score("lifeSatisfaction", 0, 10, higherIsBetter: true, 2, 12, 4, 10));

        Assert.Equal(PlotHeight, Number(panel.FollowUp!.Height));
        Assert.Equal(Number(panel.PlotBottom) - Number(panel.PlotTop), Number(panel.FollowUp.Height));
        Assert.Equal(panel.PlotTop, panel.FollowUp.Y);
    }

    [Fact]
    public void A_mean_at_the_minimum_has_no_height()
    {
        var panel = Panel(SampleReports.Score("total", 3, 9, higherIsBetter: false, 2, 12, 3, 5));

        Assert.Equal("0", panel.Baseline!.Height);
        Assert.Equal(panel.PlotBottom, panel.Baseline.Y);
    }

    [Fact]
    public void A_bar_rises_in_proportion_to_its_distance_above_the_minimum()
    {
        var panel = Panel(SampleReports.Score("metric", 7, 35, higherIsBetter: true, 3, 20, 21, 28));

        Assert.Equal(80m, Number(panel.Baseline!.Height));
        Assert.Equal(120m, Number(panel.FollowUp!.Height));
        Assert.Equal(Number(panel.PlotBottom) - 80m, Number(panel.Baseline.Y));
        Assert.Equal(Number(panel.PlotBottom) - 120m, Number(panel.FollowUp.Y));
    }

    [Fact]
    public void A_lower_is_better_score_is_charted_on_the_same_scale_with_its_improvement_as_a_shorter_bar()
    {
        var panel = Panel(SampleReports.Score("total", 0, 27, higherIsBetter: false, 5, 30, 13.5m, 6.75m, improved: 12));

        Assert.False(panel.HigherIsBetter);
        Assert.Equal(80m, Number(panel.Baseline!.Height));
        Assert.Equal(40m, Number(panel.FollowUp!.Height));
        Assert.Equal(Number(panel.PlotBottom), Number(panel.FollowUp.Y) + Number(panel.FollowUp.Height));
        Assert.Equal(Number(panel.PlotBottom), Number(panel.Baseline.Y) + Number(panel.Baseline.Height));
        Assert.Equal(["0", "5", "10", "15", "20", "27"], panel.Ticks.Select(t => t.Value));
    }

    [Fact]
    public void A_lower_is_better_score_says_so_under_its_chart()
    {
        var report = SampleReports.Report(null, 30, SampleReports.Instrument("gad7", SampleReports.Score("total", 0, 21, higherIsBetter: false, 4, 30, 12, 6)));

        var html = OutcomeReports.Render(report, "en");

        Assert.Contains("font-size=\"10\">lower is better</text>", html);
        Assert.Contains("(0 to 21, lower is better): 12.00 at baseline, 6.00 at follow-up.", html);
    }

    [Fact]
    public void A_mean_outside_the_range_stays_inside_the_plot()
    {
        var panel = Panel(SampleReports.Score("total", 3, 9, higherIsBetter: false, 2, 5, 11, 1));

        Assert.Equal(PlotHeight, Number(panel.Baseline!.Height));
        Assert.Equal("0", panel.FollowUp!.Height);
    }

    [Theory]
    [InlineData(0, 10, new[] { "0", "2", "4", "6", "8", "10" })]
    [InlineData(0, 27, new[] { "0", "5", "10", "15", "20", "27" })]
    [InlineData(0, 21, new[] { "0", "5", "10", "15", "21" })]
    [InlineData(3, 9, new[] { "3", "4", "5", "6", "7", "8", "9" })]
    [InlineData(1, 5, new[] { "1", "2", "3", "4", "5" })]
    [InlineData(7, 35, new[] { "7", "12", "17", "22", "27", "32", "35" })]
    public void The_axis_runs_from_the_minimum_to_the_maximum_in_round_steps(int minimum, int maximum, string[] values)
    {
        var panel = Panel(SampleReports.Score("total", minimum, maximum, higherIsBetter: true, 2, 5, minimum, maximum));

        Assert.Equal(values, panel.Ticks.Select(t => t.Value));
        Assert.Equal(panel.PlotBottom, panel.Ticks[0].Y);
        Assert.Equal(panel.PlotTop, panel.Ticks[^1].Y);
    }

    [Fact]
    public void Coordinates_are_written_for_svg_and_values_for_the_reader_in_french()
    {
        var model = OutcomeReports.Model(SampleReports.Realistic(), "fr");
        var panel = model.Instruments[0].Chart!.Panels[0];

        Assert.Equal("76.96", panel.Baseline!.Height);
        Assert.Equal("4,81", panel.Baseline.Value);
        Assert.Equal("6,52", panel.FollowUp!.Value);
        Assert.All(Coordinates(model), coordinate => Assert.Matches(@"^-?\d+(\.\d{1,2})?$", coordinate));
        Assert.Contains(model.Instruments[2].Chart!.Panels[0].Ticks, tick => tick.Value == "7");
    }

    [Fact]
    public void Coordinates_do_not_depend_on_the_current_culture()
    {
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("fr-FR");
            var model = OutcomeReports.Model(SampleReports.Realistic(), "en");

            Assert.All(Coordinates(model), coordinate => Assert.DoesNotContain(",", coordinate, StringComparison.Ordinal));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void Panels_sit_side_by_side_inside_the_chart_without_overlapping()
    {
        var chart = OutcomeReports.Model(SampleReports.Realistic()).Instruments[0].Chart!;

        Assert.Equal(4, chart.Panels.Count);
        Assert.Equal($"0 0 {chart.Width} {chart.Height}", chart.ViewBox);
        var width = Number(chart.Width);
        var height = Number(chart.Height);
        for (var i = 0; i < chart.Panels.Count; i++)
        {
            var panel = chart.Panels[i];
            Assert.True(Number(panel.Baseline!.X) + Number(panel.Baseline.Width) < Number(panel.FollowUp!.X));
            Assert.True(Number(panel.PlotRight) <= width);
            Assert.True(Number(panel.NoteY) < height);
            Assert.True(Number(panel.Ticks[^1].TextY) > 0);
            if (i > 0)
            {
                Assert.True(Number(chart.Panels[i - 1].PlotRight) < Number(panel.Ticks[0].TextX));
            }
        }
    }

    [Fact]
    public void Charts_have_ids_of_their_own()
    {
        var charts = OutcomeReports.Model(SampleReports.Realistic()).Instruments
            .Select(instrument => instrument.Chart)
            .OfType<OutcomeChart>()
            .ToList();

        var ids = charts.SelectMany(chart => new[] { chart.Id, chart.TitleId, chart.DescId }).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void An_instrument_with_no_one_re_measured_or_no_scores_has_no_chart()
    {
        var model = OutcomeReports.Model(SampleReports.Realistic());

        Assert.Null(model.Instruments.Single(i => i.Instrument == "phq9").Chart);
        Assert.Null(model.Instruments.Single(i => i.Instrument == "legacy-wellbeing").Chart);
        Assert.NotNull(model.Instruments.Single(i => i.Instrument == "swemwbs").Chart);
    }

    [Fact]
    public void A_score_no_one_has_keeps_its_panel_without_bars()
    {
        var report = SampleReports.Report(null, 8, SampleReports.Instrument(
            "ucla3",
            SampleReports.Score("total", 3, 9, higherIsBetter: false, 2, 8, 7, 5),
            SampleReports.Score("direct", 1, 5, higherIsBetter: false, 2, 0, 0, 0)));

        var instrument = OutcomeReports.Model(report).Instruments[0];
        var html = OutcomeReports.Render(report, "en");

        Assert.False(instrument.Chart!.Panels[1].HasData);
        Assert.Null(instrument.Chart.Panels[1].Baseline);
        Assert.Null(instrument.Scores[1].MeanBaseline);
        Assert.Contains(">No data</text>", html);
        Assert.Contains("Direct question (1 to 5, lower is better): no data.", html);
        Assert.Contains("<td class=\"num\">—</td>", html);
    }

    private static OutcomeChartPanel Panel(ScoreOutcomeSummary score) =>
        OutcomeReports.Model(SampleReports.Report(null, score.People, SampleReports.Instrument("test", score)))
            .Instruments[0].Chart!.Panels[0];

    private static decimal Number(string svg) => decimal.Parse(svg, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    private static IEnumerable<string> Coordinates(OutcomeReportModel model) =>
        model.Instruments.Select(i => i.Chart).OfType<OutcomeChart>().SelectMany(chart =>
            new[] { chart.Width, chart.Height }.Concat(chart.Panels.SelectMany(panel =>
                new[] { panel.AxisX, panel.PlotTop, panel.PlotBottom, panel.PlotRight, panel.CenterX, panel.PlotMiddle, panel.CaptionY, panel.LabelY, panel.NoteY }
                    .Concat(panel.Ticks.SelectMany(t => new[] { t.Y, t.X1, t.X2, t.GridX2, t.TextX, t.TextY }))
                    .Concat(new[] { panel.Baseline, panel.FollowUp }.OfType<OutcomeChartBar>()
                        .SelectMany(bar => new[] { bar.X, bar.Y, bar.Width, bar.Height, bar.CenterX, bar.ValueY })))));
}
