namespace SocialPrescribing.Documents.Reports;

/// <summary>A value marked on a panel's axis: a tick from <see cref="X1"/> to <see cref="X2"/> at <see cref="Y"/>, and its value.</summary>
public sealed record OutcomeChartTick
{
    /// <summary>The value, as text in the report's language.</summary>
    public required string Value { get; init; }

    /// <summary>The y of the value on the axis.</summary>
    public required string Y { get; init; }

    /// <summary>Where the tick mark starts, left of the axis.</summary>
    public required string X1 { get; init; }

    /// <summary>Where the tick mark ends: the axis.</summary>
    public required string X2 { get; init; }

    /// <summary>Where a grid line across the plot ends.</summary>
    public required string GridX2 { get; init; }

    /// <summary>The x of the value's text, which ends there (<c>text-anchor="end"</c>).</summary>
    public required string TextX { get; init; }

    /// <summary>The y of the value's text baseline, a little below <see cref="Y"/> so the text sits centred on it.</summary>
    public required string TextY { get; init; }
}
