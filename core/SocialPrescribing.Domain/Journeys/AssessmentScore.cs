namespace SocialPrescribing.Domain.Journeys;

/// <summary>One score of a recorded assessment as it was computed at the time, with its band where the score has bands.</summary>
[GenerateSerializer, Immutable, Alias("sp.AssessmentScore")]
public sealed record AssessmentScore(
    [property: Id(0)] string Name,
    [property: Id(1)] decimal Value,
    [property: Id(2)] string? Band);
