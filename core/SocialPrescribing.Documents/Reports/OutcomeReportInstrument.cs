namespace SocialPrescribing.Documents.Reports;

/// <summary>One instrument's outcomes, as the report shows them.</summary>
public sealed record OutcomeReportInstrument
{
    /// <summary>The instrument id, like <c>ons4</c>; handy as a CSS class.</summary>
    public required string Instrument { get; init; }

    /// <summary>The instrument's name in the report's language; the catalogue's name or id when there is no translation.</summary>
    public required string Title { get; init; }

    /// <summary>People with a baseline and a follow-up or discharge measure in the period.</summary>
    public required int People { get; init; }

    /// <summary>The people as the report writes them: "&lt;5" for 1 to 4.</summary>
    public required string PeopleShown { get; init; }

    /// <summary>People with a baseline but no re-measure in the period: outcomes not yet known.</summary>
    public required string WithBaselineOnly { get; init; }

    /// <summary>One row per score with a meaningful-change rule; empty when the instrument is no longer available.</summary>
    public IReadOnlyList<OutcomeReportScore> Scores { get; init; } = [];

    /// <summary>The baseline against follow-up chart, or null when there is nothing to chart (no people or no scores).</summary>
    public OutcomeChart? Chart { get; init; }
}
