using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Host.Http;

namespace SocialPrescribing.Host.Features.Assessments;

/// <summary>An assessment recorded on a journey, as scored at the time.</summary>
internal sealed record AssessmentResponse(
    Guid AssessmentId,
    string Instrument,
    string Version,
    [property: WireEnum<AssessmentTimepoint>] string Timepoint,
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
