namespace SocialPrescribing.Documents.Reports;

/// <summary>
/// An instrument's chart: one panel per score, each with its own axis from the score's minimum to
/// its maximum, since an instrument's scores need not share a range.
/// </summary>
/// <remarks>Sizes and coordinates are SVG user units, written with a dot whatever the language.</remarks>
public sealed record OutcomeChart
{
    /// <summary>An id for the chart element, unique within the report, like <c>outcomes-chart-1</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The id for the chart's <c>&lt;title&gt;</c>.</summary>
    public required string TitleId { get; init; }

    /// <summary>The id for the chart's <c>&lt;desc&gt;</c>.</summary>
    public required string DescId { get; init; }

    /// <summary>The chart's width.</summary>
    public required string Width { get; init; }

    /// <summary>The chart's height.</summary>
    public required string Height { get; init; }

    /// <summary>The <c>viewBox</c> attribute: <c>0 0 width height</c>.</summary>
    public required string ViewBox { get; init; }

    /// <summary>One panel per score, in the instrument's order.</summary>
    public IReadOnlyList<OutcomeChartPanel> Panels { get; init; } = [];
}
