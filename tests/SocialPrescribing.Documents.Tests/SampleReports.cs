using SocialPrescribing.Domain.Outcomes;

namespace SocialPrescribing.Documents.Tests;

/// <summary>Fixed outcome reports, tenant and clock, so rendered reports are the same on every run.</summary>
internal static class SampleReports
{
    public const string ProgramName = "Healthy Aging Connect";

    /// <summary>April 2, 2026, 9:15 in Edmonton (UTC-6 in summer time).</summary>
    public static readonly DateTimeOffset GeneratedAt = new(2026, 4, 2, 15, 15, 0, TimeSpan.Zero);

    public static TimeZoneInfo TimeZone => SampleJourneys.Tenant.TimeZone;

    /// <summary>
    /// A year of a program: ONS4 with its four scores (anxiety lower-is-better), UCLA-3 with two scores on
    /// different ranges, SWEMWBS, PHQ-9 with baselines but no one re-measured yet, and an instrument that has
    /// left the catalogue, so has people but no score figures.
    /// </summary>
    public static ProgramOutcomeReport Realistic() =>
        Report(
            new DateOnly(2025, 4, 1),
            128,
            new InstrumentOutcomeSummary("ons4", "ONS personal wellbeing (ONS4)", 42, 7,
            [
                Score("lifeSatisfaction", 0, 10, higherIsBetter: true, 2, 42, 4.81m, 6.52m, improved: 18, deteriorated: 3),
                Score("worthwhile", 0, 10, higherIsBetter: true, 2, 42, 5.45m, 6.74m, improved: 14, deteriorated: 4),
                Score("happiness", 0, 10, higherIsBetter: true, 2, 41, 4.93m, 6.40m, improved: 16, deteriorated: 5),
                Score("anxiety", 0, 10, higherIsBetter: false, 2, 41, 5.62m, 4.10m, improved: 15, deteriorated: 6),
            ]),
            new InstrumentOutcomeSummary("ucla3", "Three-item loneliness scale (UCLA-3)", 38, 9,
            [
                Score("total", 3, 9, higherIsBetter: false, 2, 38, 7.42m, 5.89m, improved: 15, deteriorated: 2),
                Score("direct", 1, 5, higherIsBetter: false, 2, 38, 3.61m, 2.95m, improved: 8, deteriorated: 3),
            ]),
            new InstrumentOutcomeSummary("swemwbs", "Short Warwick-Edinburgh Mental Wellbeing Scale (SWEMWBS)", 25, 4,
            [
                Score("metric", 7, 35, higherIsBetter: true, 3, 25, 19.87m, 22.64m, improved: 11, deteriorated: 2),
            ]),
            new InstrumentOutcomeSummary("phq9", "Patient Health Questionnaire-9", 0, 5,
            [
                Score("total", 0, 27, higherIsBetter: false, 5, 0, 0, 0, improved: 0, deteriorated: 0),
            ]),
            new InstrumentOutcomeSummary("legacy-wellbeing", "legacy-wellbeing", 6, 1, []));

    /// <summary>A report since the start of the program in which no one has any outcome.</summary>
    public static ProgramOutcomeReport Empty() => Report(null, 0);

    public static ProgramOutcomeReport Report(DateOnly? from, int journeys, params InstrumentOutcomeSummary[] instruments) =>
        new("ab", from, new DateOnly(2026, 3, 31), GeneratedAt, journeys, [.. instruments]);

    public static InstrumentOutcomeSummary Instrument(string id, params ScoreOutcomeSummary[] scores) =>
        new(id, id.ToUpperInvariant(), scores.Length == 0 ? 0 : scores.Max(s => s.People), 0, [.. scores]);

    /// <summary>A score's summary; the change and share improved follow from the other figures.</summary>
    public static ScoreOutcomeSummary Score(
        string name,
        decimal minimum,
        decimal maximum,
        bool higherIsBetter,
        decimal meaningfulChange,
        int people,
        decimal baseline,
        decimal followUp,
        int improved = 0,
        int deteriorated = 0) =>
        new(
            name,
            higherIsBetter,
            meaningfulChange,
            minimum,
            maximum,
            people,
            baseline,
            followUp,
            followUp - baseline,
            improved,
            deteriorated,
            people == 0 ? 0 : Math.Round((decimal)improved / people, 4, MidpointRounding.AwayFromZero));
}
