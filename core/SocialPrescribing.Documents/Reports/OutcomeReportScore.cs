namespace SocialPrescribing.Documents.Reports;

/// <summary>How one score moved, as a row of the report's table. Figures are text in the report's language.</summary>
public sealed record OutcomeReportScore
{
    /// <summary>The score's name in the instrument, like <c>lifeSatisfaction</c>.</summary>
    public required string Score { get; init; }

    /// <summary>The score in words, like <c>Life satisfaction</c>.</summary>
    public required string Label { get; init; }

    /// <summary>True when a rise is an improvement; false when a fall is.</summary>
    public required bool HigherIsBetter { get; init; }

    /// <summary>The lowest score possible, like <c>0</c>.</summary>
    public required string Minimum { get; init; }

    /// <summary>The highest score possible, like <c>10</c>.</summary>
    public required string Maximum { get; init; }

    /// <summary>The smallest change that counts as meaningful, like <c>2</c>.</summary>
    public required string MeaningfulChange { get; init; }

    /// <summary>People with this score at both baseline and re-measure.</summary>
    public required string People { get; init; }

    /// <summary>The mean baseline score, like <c>4.25</c>; null when <see cref="People"/> is zero.</summary>
    public string? MeanBaseline { get; init; }

    /// <summary>The mean re-measure score; null when <see cref="People"/> is zero.</summary>
    public string? MeanFollowUp { get; init; }

    /// <summary>The mean change with its sign, like <c>+1.50</c> or <c>−0.75</c>; null when <see cref="People"/> is zero.</summary>
    public string? MeanChange { get; init; }

    /// <summary>People whose change was a meaningful improvement.</summary>
    public string? Improved { get; init; }

    /// <summary>Improved as a whole percentage of <see cref="People"/>, like <c>43%</c> or <c>43 %</c>; null when <see cref="People"/> is zero.</summary>
    public string? ImprovedShare { get; init; }

    /// <summary>People whose change was a meaningful deterioration.</summary>
    public string? Deteriorated { get; init; }
}
