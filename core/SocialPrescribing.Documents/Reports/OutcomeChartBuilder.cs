using System.Globalization;
using SocialPrescribing.Domain.Outcomes;

namespace SocialPrescribing.Documents.Reports;

/// <summary>
/// Lays out an instrument's chart: panels side by side, one per score, each with a plot
/// <see cref="PlotHeight"/> units tall whose bottom is the score's minimum and top its maximum.
/// </summary>
internal static class OutcomeChartBuilder
{
    /// <summary>The height of every plot; a mean at the maximum fills it.</summary>
    public const decimal PlotHeight = 160;

    // Room above the plot for the value of a bar at the maximum.
    private const decimal PlotTop = 28;
    private const decimal PanelWidth = 200;

    // Room left of each axis for its values.
    private const decimal AxisGutter = 44;
    private const decimal BarInset = 20;
    private const decimal BarWidth = 44;
    private const decimal BarGap = 28;

    // Below the plot: bar captions, the score's name, a note.
    private const decimal CaptionOffset = 16;
    private const decimal LabelOffset = 36;
    private const decimal NoteOffset = 52;
    private const decimal BottomMargin = 62;

    private const decimal TickLength = 4;
    private const decimal ValueGap = 6;

    // Half the height of a 10-unit digit, so a value's text sits centred on its tick.
    private const decimal TextCentring = 3.5m;

    private static readonly decimal[] StepUnits = [5m, 2m, 1m, 0.5m];

    public static OutcomeChart Build(int index, IReadOnlyList<ScoreOutcomeSummary> scores, string lang)
    {
        var id = "outcomes-chart-" + (index + 1).ToString(CultureInfo.InvariantCulture);
        var width = PanelWidth * scores.Count;
        var height = PlotTop + PlotHeight + BottomMargin;
        return new OutcomeChart
        {
            Id = id,
            TitleId = id + "-title",
            DescId = id + "-desc",
            Width = ReportFormat.Svg(width),
            Height = ReportFormat.Svg(height),
            ViewBox = $"0 0 {ReportFormat.Svg(width)} {ReportFormat.Svg(height)}",
            Panels = [.. scores.Select((score, i) => Panel(PanelWidth * i, score, lang))],
        };
    }

    private static OutcomeChartPanel Panel(decimal left, ScoreOutcomeSummary score, string lang)
    {
        var axisX = left + AxisGutter;
        var plotBottom = PlotTop + PlotHeight;
        var plotRight = axisX + BarInset + BarWidth + BarGap + BarWidth + BarInset;
        var hasData = score.People > 0;
        return new OutcomeChartPanel
        {
            Score = score.Score,
            Label = ReportLabels.Score(score.Score, lang),
            HigherIsBetter = score.HigherIsBetter,
            Minimum = ReportFormat.Number(score.Minimum, lang),
            Maximum = ReportFormat.Number(score.Maximum, lang),
            HasData = hasData,
            AxisX = ReportFormat.Svg(axisX),
            PlotTop = ReportFormat.Svg(PlotTop),
            PlotBottom = ReportFormat.Svg(plotBottom),
            PlotRight = ReportFormat.Svg(plotRight),
            CenterX = ReportFormat.Svg((axisX + plotRight) / 2),
            PlotMiddle = ReportFormat.Svg(PlotTop + (PlotHeight / 2)),
            CaptionY = ReportFormat.Svg(plotBottom + CaptionOffset),
            LabelY = ReportFormat.Svg(plotBottom + LabelOffset),
            NoteY = ReportFormat.Svg(plotBottom + NoteOffset),
            Ticks = [.. TickValues(score.Minimum, score.Maximum).Select(value => Tick(value, score, axisX, plotRight, lang))],
            Baseline = hasData ? Bar(score.MeanBaseline, score, axisX + BarInset, lang) : null,
            FollowUp = hasData ? Bar(score.MeanFollowUp, score, axisX + BarInset + BarWidth + BarGap, lang) : null,
        };
    }

    private static OutcomeChartBar Bar(decimal value, ScoreOutcomeSummary score, decimal x, string lang)
    {
        var height = PlotHeight * Fraction(value, score);
        var y = PlotTop + PlotHeight - height;
        return new OutcomeChartBar
        {
            Value = ReportFormat.Mean(value, lang),
            X = ReportFormat.Svg(x),
            Y = ReportFormat.Svg(y),
            Width = ReportFormat.Svg(BarWidth),
            Height = ReportFormat.Svg(height),
            CenterX = ReportFormat.Svg(x + (BarWidth / 2)),
            ValueY = ReportFormat.Svg(y - ValueGap),
        };
    }

    private static OutcomeChartTick Tick(decimal value, ScoreOutcomeSummary score, decimal axisX, decimal plotRight, string lang)
    {
        var y = PlotTop + PlotHeight - (PlotHeight * Fraction(value, score));
        return new OutcomeChartTick
        {
            Value = ReportFormat.Number(value, lang),
            Y = ReportFormat.Svg(y),
            X1 = ReportFormat.Svg(axisX - TickLength),
            X2 = ReportFormat.Svg(axisX),
            GridX2 = ReportFormat.Svg(plotRight),
            TextX = ReportFormat.Svg(axisX - TickLength - 2),
            TextY = ReportFormat.Svg(y + TextCentring),
        };
    }

    // How far up the plot a value lies, from 0 at the minimum to 1 at the maximum. A mean cannot
    // leave the range, but a score definition changed since could put one outside it; the bar
    // then stops at the edge rather than leaving the plot.
    private static decimal Fraction(decimal value, ScoreOutcomeSummary score)
    {
        var range = score.Maximum - score.Minimum;
        return range <= 0 ? 0 : Math.Clamp((value - score.Minimum) / range, 0, 1);
    }

    /// <summary>
    /// The values marked on an axis: the minimum, then steps of 1, 2 or 5 (times a power of ten)
    /// making four or more intervals, then the maximum, dropping a last step that would crowd it.
    /// </summary>
    internal static IReadOnlyList<decimal> TickValues(decimal minimum, decimal maximum)
    {
        var range = maximum - minimum;
        if (range <= 0)
        {
            return [minimum];
        }

        var step = Step(range / 4);
        if (step <= 0)
        {
            return [minimum, maximum];
        }

        var ticks = new List<decimal>();
        for (var value = minimum; value < maximum - (step / 2); value += step)
        {
            ticks.Add(value);
        }

        ticks.Add(maximum);
        return ticks;
    }

    // The largest 1, 2 or 5 times a power of ten that is no more than the rough step; 0.5 only
    // in case the logarithm rounds up. Zero for a range too small for a decimal to step through.
    private static decimal Step(decimal rough)
    {
        var power = (decimal)Math.Pow(10, Math.Floor(Math.Log10((double)rough)));
        return StepUnits.Select(unit => unit * power).First(step => step <= rough);
    }
}
