using SocialPrescribing.Domain.Outcomes;

namespace SocialPrescribing.Documents.Reports;

/// <summary>Turns a <see cref="ProgramOutcomeReport"/> into the words, numbers and chart geometry its template shows.</summary>
public static class OutcomeReportModelBuilder
{
    /// <summary>Builds the model the outcomes report template renders from.</summary>
    /// <param name="report">The program's outcomes over a period.</param>
    /// <param name="lang">The report's language: <c>en</c> or <c>fr</c>.</param>
    /// <param name="programName">The tenant's display name.</param>
    /// <param name="timeZone">The tenant's time zone, in which the generation time is written.</param>
    /// <exception cref="UnsupportedDocumentLanguageException">The language is not supported.</exception>
    public static OutcomeReportModel Build(ProgramOutcomeReport report, string lang, string programName, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(programName);
        ArgumentNullException.ThrowIfNull(timeZone);
        if (!DocumentLanguages.IsSupported(lang))
        {
            throw new UnsupportedDocumentLanguageException(lang);
        }

        var generated = TimeZoneInfo.ConvertTime(report.GeneratedAt, timeZone);
        var instruments = report.Instruments.IsDefault ? [] : report.Instruments;
        return new OutcomeReportModel
        {
            Lang = lang,
            ProgramName = programName,
            PeriodFrom = report.From is { } from ? DocumentDates.Format(from, lang) : null,
            PeriodTo = DocumentDates.Format(report.To, lang),
            GeneratedOn = DocumentDates.Format(DateOnly.FromDateTime(generated.DateTime), lang),
            GeneratedAt = ReportFormat.TimeOfDay(TimeOnly.FromDateTime(generated.DateTime), lang),
            TimeZone = timeZone.Id,
            UtcOffset = ReportFormat.UtcOffset(generated.Offset),
            // Small counts could point to a person: 1 to 4 is written "<5", and nothing is computed over fewer than 5.
            JourneysWithAssessments = SmallCells.Count(report.JourneysWithAssessments),
            PeopleReferred = SmallCells.Count(report.Connections?.Referred ?? 0),
            PeopleConnected = SmallCells.Count(report.Connections?.Connected ?? 0),
            ShareConnected = SmallCells.CanDescribe(report.Connections?.Referred ?? 0) ? ReportFormat.Percent(report.Connections!.ShareConnected, lang) : null,
            HasData = instruments.Any(instrument => instrument.People > 0),
            Instruments = [.. instruments.Select((instrument, index) => Instrument(instrument, index, lang))],
        };
    }

    private static OutcomeReportInstrument Instrument(InstrumentOutcomeSummary instrument, int index, string lang)
    {
        var scores = instrument.Scores.IsDefault ? [] : instrument.Scores;
        return new OutcomeReportInstrument
        {
            Instrument = instrument.Instrument,
            Title = ReportLabels.Instrument(instrument.Instrument, instrument.Title, lang),
            People = instrument.People,
            PeopleShown = SmallCells.Count(instrument.People),
            WithBaselineOnly = SmallCells.Count(instrument.WithBaselineOnly),
            Scores = [.. scores.Select(score => Score(score, lang))],
            Chart = SmallCells.CanDescribe(instrument.People) && scores.Length > 0 ? OutcomeChartBuilder.Build(index, scores, lang) : null,
        };
    }

    private static OutcomeReportScore Score(ScoreOutcomeSummary score, string lang)
    {
        var hasData = SmallCells.CanDescribe(score.People);
        return new OutcomeReportScore
        {
            Score = score.Score,
            Label = ReportLabels.Score(score.Score, lang),
            HigherIsBetter = score.HigherIsBetter,
            Minimum = ReportFormat.Number(score.Minimum, lang),
            Maximum = ReportFormat.Number(score.Maximum, lang),
            MeaningfulChange = ReportFormat.Number(score.MeaningfulChange, lang),
            People = SmallCells.Count(score.People),
            MeanBaseline = hasData ? ReportFormat.Mean(score.MeanBaseline, lang) : null,
            MeanFollowUp = hasData ? ReportFormat.Mean(score.MeanFollowUp, lang) : null,
            MeanChange = hasData ? ReportFormat.Change(score.MeanChange, lang) : null,
            Improved = hasData ? SmallCells.Count(score.Improved) : null,
            ImprovedShare = hasData ? ReportFormat.Percent(score.ShareImproved, lang) : null,
            Deteriorated = hasData ? SmallCells.Count(score.Deteriorated) : null,
        };
    }
}
