using System.Collections.Immutable;

namespace SocialPrescribing.Domain.Outcomes;

/// <summary>
/// A program's outcomes over a period: for each instrument, the people with a baseline and a re-measure in the
/// period, and for each score how far it moved on average and how many improved or deteriorated meaningfully.
/// </summary>
/// <param name="Tenant">The tenant (program) id.</param>
/// <param name="From">The first day of the period (in the tenant's calendar), or null for "since the start".</param>
/// <param name="To">The last day of the period (in the tenant's calendar).</param>
/// <param name="GeneratedAt">When the report was computed.</param>
/// <param name="JourneysWithAssessments">Journeys with at least one assessment, whatever the period.</param>
/// <param name="Instruments">One entry per instrument used, in catalogue order.</param>
public sealed record ProgramOutcomeReport(
    string Tenant,
    DateOnly? From,
    DateOnly To,
    DateTimeOffset GeneratedAt,
    int JourneysWithAssessments,
    ImmutableArray<InstrumentOutcomeSummary> Instruments)
{
    /// <summary>People referred to community programs in the period, and how many of them started one (% connected).</summary>
    public ConnectionSummary? Connections { get; init; }
}

/// <summary>One instrument's outcomes across a program.</summary>
/// <param name="Instrument">The instrument id.</param>
/// <param name="Title">Its name, or the id when the instrument is no longer available.</param>
/// <param name="People">People (journeys) with a baseline and a follow-up or discharge measure in the period.</param>
/// <param name="WithBaselineOnly">People with a baseline but no re-measure in the period: outcomes not yet known.</param>
/// <param name="Scores">One entry per score that has a meaningful-change rule.</param>
public sealed record InstrumentOutcomeSummary(
    string Instrument,
    string Title,
    int People,
    int WithBaselineOnly,
    ImmutableArray<ScoreOutcomeSummary> Scores);

/// <summary>How one score moved across the people of an <see cref="InstrumentOutcomeSummary"/>.</summary>
/// <param name="Score">The score name, for example <c>total</c>.</param>
/// <param name="HigherIsBetter">True when a rise is an improvement.</param>
/// <param name="MeaningfulChange">The smallest change that counts as meaningful.</param>
/// <param name="Minimum">The lowest score possible (for charts).</param>
/// <param name="Maximum">The highest score possible (for charts).</param>
/// <param name="People">People with this score at both baseline and re-measure.</param>
/// <param name="MeanBaseline">The mean baseline score, to two decimals.</param>
/// <param name="MeanFollowUp">The mean re-measure score, to two decimals.</param>
/// <param name="MeanChange">The mean change (re-measure minus baseline), to two decimals.</param>
/// <param name="Improved">People whose change was a meaningful improvement.</param>
/// <param name="Deteriorated">People whose change was a meaningful deterioration.</param>
/// <param name="ShareImproved">Improved ÷ people, from 0 to 1, to four decimals.</param>
public sealed record ScoreOutcomeSummary(
    string Score,
    bool HigherIsBetter,
    decimal MeaningfulChange,
    decimal Minimum,
    decimal Maximum,
    int People,
    decimal MeanBaseline,
    decimal MeanFollowUp,
    decimal MeanChange,
    int Improved,
    int Deteriorated,
    decimal ShareImproved);
