using SocialPrescribing.Abstractions.Assessments;

namespace SocialPrescribing.Host.Features.Assessments;

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
