namespace SocialPrescribing.Documents.Reports;

/// <summary>A mean drawn as a bar rising from the panel's minimum; coordinates in SVG user units.</summary>
public sealed record OutcomeChartBar
{
    /// <summary>The mean, as text in the report's language.</summary>
    public required string Value { get; init; }

    /// <summary>The left edge.</summary>
    public required string X { get; init; }

    /// <summary>The top edge: the plot's bottom minus <see cref="Height"/>.</summary>
    public required string Y { get; init; }

    /// <summary>The width.</summary>
    public required string Width { get; init; }

    /// <summary>The height: zero at the score's minimum, the full plot height at its maximum.</summary>
    public required string Height { get; init; }

    /// <summary>The x of the bar's middle, for its value above and its caption below.</summary>
    public required string CenterX { get; init; }

    /// <summary>The y of the value's text, just above the bar.</summary>
    public required string ValueY { get; init; }
}
