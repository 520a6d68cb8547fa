using SocialPrescribing.Domain.Journeys;

namespace SocialPrescribing.Host.Features.Assessments;

/// <summary>One measure in an outcome series.</summary>
internal sealed record AssessmentPoint(
    Guid AssessmentId,
    string Timepoint,
    DateTimeOffset RecordedAt,
    IReadOnlyDictionary<string, decimal> Scores,
    IReadOnlyDictionary<string, string> Bands)
{
    public static AssessmentPoint From(RecordedAssessment a) => new(
        a.Id,
        WireNames.Of(a.Timepoint),
        a.RecordedAt,
        a.Scores.ToDictionary(s => s.Name, s => s.Value, StringComparer.Ordinal),
        a.Scores.Where(s => s.Band is not null).ToDictionary(s => s.Name, s => s.Band!, StringComparer.Ordinal));

    public static AssessmentPoint? OrNull(RecordedAssessment? a) => a is null ? null : From(a);
}
