using SocialPrescribing.Abstractions.Assessments;

namespace SocialPrescribing.Host.Features.Assessments;

internal sealed record ScoreDefinitionResponse(
    string Name,
    decimal Minimum,
    decimal Maximum,
    string Polarity,
    decimal? MeaningfulChange,
    IReadOnlyList<ScoreBand> Bands);
