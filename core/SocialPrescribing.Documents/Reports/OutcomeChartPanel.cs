namespace SocialPrescribing.Documents.Reports;

/// <summary>
/// One score's part of a chart: a vertical axis from the score's minimum (at <see cref="PlotBottom"/>)
/// to its maximum (at <see cref="PlotTop"/>), and the baseline and follow-up means as two bars.
/// </summary>
/// <remarks>
/// A bar's height is its value's distance above the minimum, whichever way the score improves; a
/// lower-is-better score is charted the same way and the template says which way is better.
/// Coordinates are SVG user units written with a dot; <see cref="Minimum"/>, <see cref="Maximum"/>
/// and values are text in the report's language.
/// </remarks>
public sealed record OutcomeChartPanel
{
    /// <summary>The score's name in the instrument, like <c>anxiety</c>.</summary>
    public required string Score { get; init; }

    /// <summary>The score in words.</summary>
    public required string Label { get; init; }

    /// <summary>True when a rise is an improvement.</summary>
    public required bool HigherIsBetter { get; init; }

    /// <summary>The lowest score possible, as text.</summary>
    public required string Minimum { get; init; }

    /// <summary>The highest score possible, as text.</summary>
    public required string Maximum { get; init; }

    /// <summary>True when someone has this score at both baseline and re-measure, so there are bars to draw.</summary>
    public required bool HasData { get; init; }

    /// <summary>The x of the vertical axis.</summary>
    public required string AxisX { get; init; }

    /// <summary>The y of the top of the plot: where the maximum lies.</summary>
    public required string PlotTop { get; init; }

    /// <summary>The y of the bottom of the plot: where the minimum lies.</summary>
    public required string PlotBottom { get; init; }

    /// <summary>The x where the plot ends on the right.</summary>
    public required string PlotRight { get; init; }

    /// <summary>The x of the middle of the plot, for centred text.</summary>
    public required string CenterX { get; init; }

    /// <summary>The y of the middle of the plot, for a "no data" note.</summary>
    public required string PlotMiddle { get; init; }

    /// <summary>The y of the bar captions (baseline, follow-up) below the axis.</summary>
    public required string CaptionY { get; init; }

    /// <summary>The y of the score's name below the captions.</summary>
    public required string LabelY { get; init; }

    /// <summary>The y of a note below the score's name, such as which way is better.</summary>
    public required string NoteY { get; init; }

    /// <summary>The axis values, from the minimum up to the maximum.</summary>
    public IReadOnlyList<OutcomeChartTick> Ticks { get; init; } = [];

    /// <summary>The mean baseline bar, or null without data.</summary>
    public OutcomeChartBar? Baseline { get; init; }

    /// <summary>The mean follow-up bar, or null without data.</summary>
    public OutcomeChartBar? FollowUp { get; init; }
}
