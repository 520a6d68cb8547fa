using SocialPrescribing.Abstractions.Assessments;
using SocialPrescribing.Domain.Journeys;

namespace SocialPrescribing.Host.Features.Assessments;

/// <summary>An instrument as the catalogue shows it.</summary>
internal sealed record InstrumentResponse(
    string Id,
    string Version,
    string Title,
    string Source,
    IReadOnlyList<AssessmentItem> Items,
    IReadOnlyList<ScoreDefinitionResponse> Scores,
    LicenceResponse Licence)
{
    public static InstrumentResponse From(CatalogedInstrument cataloged)
    {
        var i = cataloged.Instrument;
        return new InstrumentResponse(
            i.Id,
            i.Version,
            i.Title,
            cataloged.Source,
            i.Items,
            [.. i.ScoreDefinitions.Select(d => new ScoreDefinitionResponse(
                d.Name, d.Minimum, d.Maximum, WireNames.Of(d.Polarity), d.MeaningfulChange, d.Bands))],
            new LicenceResponse(WireNames.Of(i.Licence.ItemTextUse), i.Licence.Notice, i.Licence.ItemTextIncluded));
    }
}

internal sealed record ScoreDefinitionResponse(
    string Name,
    decimal Minimum,
    decimal Maximum,
    string Polarity,
    decimal? MeaningfulChange,
    IReadOnlyList<ScoreBand> Bands);

internal sealed record LicenceResponse(string ItemTextUse, string Notice, bool ItemTextIncluded);

/// <summary>The result of scoring, exactly as the instrument computed it.</summary>
internal sealed record ScoreResponse(
    string Instrument,
    string Version,
    IReadOnlyDictionary<string, decimal> Scores,
    IReadOnlyDictionary<string, string> Bands,
    IReadOnlyList<string> Flags)
{
    public static ScoreResponse From(AssessmentResult result) =>
        new(result.Instrument, result.Version, result.Scores, result.Bands, result.Flags);
}

/// <summary>An assessment recorded on a journey, as scored at the time.</summary>
internal sealed record AssessmentResponse(
    Guid AssessmentId,
    string Instrument,
    string Version,
    string Timepoint,
    IReadOnlyList<int> Responses,
    IReadOnlyDictionary<string, decimal> Scores,
    IReadOnlyDictionary<string, string> Bands,
    IReadOnlyList<string> Flags,
    DateTimeOffset RecordedAt,
    string RecordedBy)
{
    public static AssessmentResponse From(RecordedAssessment a) => new(
        a.Id,
        a.Instrument,
        a.InstrumentVersion,
        WireNames.Of(a.Timepoint),
        a.Responses,
        a.Scores.ToDictionary(s => s.Name, s => s.Value, StringComparer.Ordinal),
        a.Scores.Where(s => s.Band is not null).ToDictionary(s => s.Name, s => s.Band!, StringComparer.Ordinal),
        a.Flags,
        a.RecordedAt,
        a.RecordedBy);
}

/// <summary>The answer to recording an assessment: what was recorded, alerts it raised, and where the journey stands.</summary>
internal sealed record RecordedAssessmentResponse(
    Guid JourneyId,
    AssessmentResponse Assessment,
    IReadOnlyList<SafetyAlertResponse> SafetyAlerts,
    string Status,
    long Version,
    bool Replayed,
    IReadOnlyList<string> AllowedCommands);

/// <summary>A safety alert on a journey.</summary>
internal sealed record SafetyAlertResponse(
    Guid AlertId,
    Guid AssessmentId,
    string Instrument,
    string Flag,
    string Status,
    DateTimeOffset RaisedAt,
    DateTimeOffset? NotifiedAt,
    DateTimeOffset? AcknowledgedAt,
    string? AcknowledgedBy,
    string? Note)
{
    public static SafetyAlertResponse From(SafetyAlert a) => new(
        a.Id, a.AssessmentId, a.Instrument, a.Flag, a.IsOpen ? "open" : "acknowledged", a.RaisedAt, a.NotifiedAt, a.AcknowledgedAt, a.AcknowledgedBy, a.AcknowledgementNote);
}

/// <summary>An open safety alert in the tenant-wide listing supervisors work from.</summary>
internal sealed record OpenSafetyAlertItem(Guid JourneyId, string ClientName, string? LinkWorkerId, string JourneyStatus, SafetyAlertResponse Alert);
