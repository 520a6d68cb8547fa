namespace SocialPrescribing.Documents.Reports;

/// <summary>
/// Everything the outcomes report template may show, already put into words, numbers and chart
/// geometry for one language. Templates see the properties in snake_case (<c>program_name</c>,
/// <c>instruments</c>).
/// </summary>
/// <remarks>
/// Strings hold plain text, not HTML: the renderer encodes every value a template writes out.
/// Counts are numbers; means, thresholds and shares are text formatted for the language
/// (<c>4.20</c>, <c>4,20</c>); chart coordinates are text formatted for SVG whatever the language.
/// </remarks>
public sealed record OutcomeReportModel
{
    /// <summary>The language the words and numbers are in: <c>en</c> or <c>fr</c>.</summary>
    public required string Lang { get; init; }

    /// <summary>The program's (tenant's) name as it presents itself.</summary>
    public required string ProgramName { get; init; }

    /// <summary>The first day of the period, like <c>April 1, 2025</c>, or null when the period runs from the start.</summary>
    public string? PeriodFrom { get; init; }

    /// <summary>The last day of the period, like <c>March 31, 2026</c>.</summary>
    public required string PeriodTo { get; init; }

    /// <summary>The day the report was computed, in the tenant's time zone.</summary>
    public required string GeneratedOn { get; init; }

    /// <summary>The time of day the report was computed, in the tenant's time zone: <c>9:15 a.m.</c>, <c>9 h 15</c>.</summary>
    public required string GeneratedAt { get; init; }

    /// <summary>The tenant's time zone, as configured, like <c>America/Edmonton</c>.</summary>
    public required string TimeZone { get; init; }

    /// <summary>The tenant's offset from UTC when the report was computed, like <c>UTC-06:00</c>, or <c>UTC</c>.</summary>
    public required string UtcOffset { get; init; }

    /// <summary>Journeys with at least one assessment, whatever the period.</summary>
    public required string JourneysWithAssessments { get; init; }

    /// <summary>People first referred to a community program in the period.</summary>
    public string PeopleReferred { get; init; } = "0";

    /// <summary>Of them, people who started at least one program by the period's end.</summary>
    public string PeopleConnected { get; init; } = "0";

    /// <summary>Connected ÷ referred as a percentage for the language (<c>62.5%</c>, <c>62,5 %</c>).</summary>
    public string? ShareConnected { get; init; }

    /// <summary>True when at least one instrument has people with a baseline and a re-measure in the period.</summary>
    public required bool HasData { get; init; }

    /// <summary>One entry per instrument used, in catalogue order.</summary>
    public IReadOnlyList<OutcomeReportInstrument> Instruments { get; init; } = [];
}
